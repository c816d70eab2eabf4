//! Generates `lexicon::Class`, one variant per word class named in the lexicon's data files
//! (`src/lexicon/word_classes.txt` and `src/lexicon/classes/*.txt`), so that adding a word
//! class is a change to data only.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let dir = Path::new("src/lexicon");
    println!("cargo::rerun-if-changed=src/lexicon");
    let mut files: Vec<PathBuf> = vec![dir.join("word_classes.txt")];
    let mut stage: Vec<PathBuf> = std::fs::read_dir(dir.join("classes"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    stage.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    stage.sort();
    files.extend(stage);
    let mut names: Vec<String> = Vec::new();
    // (one bit a class whose words are all in lower case, as `lexicon::lower` lowers them)
    let mut lower_only = [0u64; 5];
    for f in &files {
        println!("cargo::rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(f).expect("a lexicon file");
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, words)) = line.split_once(':') else {
                panic!("{}: a class line is `name: words`: {line}", f.display());
            };
            let name = name.trim().to_string();
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()),
                "{}: a class name is snake_case: {name}",
                f.display()
            );
            assert!(!names.contains(&name), "word class {name} is defined twice");
            if words.split_whitespace().all(|w| w.to_lowercase() == w) {
                let i = names.len();
                if i < 320 {
                    lower_only[i / 64] |= 1 << (i % 64);
                }
            }
            names.push(name);
        }
    }
    assert!(
        names.len() <= 320,
        "at most 320 word classes (ClassSet is 320 bits)"
    );
    let camel = |n: &str| -> String {
        n.split('_')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect()
    };
    let mut out = String::new();
    out.push_str("/// A word class of the grammar, as the lexicon's data files name it.\n");
    out.push_str(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n#[repr(u16)]\n#[allow(dead_code)]\n",
    );
    out.push_str("pub(crate) enum Class {\n");
    for n in &names {
        writeln!(out, "    /// `{n}`\n    {},", camel(n)).unwrap();
    }
    out.push_str("}\n\nimpl Class {\n");
    writeln!(out, "    pub(crate) const COUNT: usize = {};", names.len()).unwrap();
    out.push_str("    /// The class's name in the data files.\n");
    out.push_str("    pub(crate) const fn name(self) -> &'static str {\n        match self {\n");
    for n in &names {
        writeln!(out, "            Class::{} => \"{n}\",", camel(n)).unwrap();
    }
    out.push_str("        }\n    }\n}\n\n");
    out.push_str(
        "/// The classes whose words are all in lower case, one bit a class (as `ClassSet`).\n",
    );
    writeln!(out, "const LOWER_ONLY: [u64; 5] = {lower_only:?};").unwrap();
    out.push_str(
        "/// The data files that define word classes, in the order their classes are numbered.\n",
    );
    out.push_str("const CLASS_FILES: &[&str] = &[\n");
    for f in &files {
        let abs = std::fs::canonicalize(f).expect("a lexicon file");
        writeln!(out, "    include_str!({:?}),", abs.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("classes.rs");
    std::fs::write(dest, out).unwrap();
}
