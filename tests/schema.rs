//! The published JSON Schema (`schema/record.schema.json`) is the one the Rust types give.
//! After changing `src/model.rs`, regenerate it: `cargo run -- schema > schema/record.schema.json`.

#[test]
fn the_schema_file_is_in_sync_with_the_types() {
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../schema/record.schema.json"))
            .expect("the schema file is JSON");
    assert_eq!(
        file,
        whosaid::schema(),
        "schema/record.schema.json is stale: run `cargo run -- schema > schema/record.schema.json`"
    );
}

#[test]
fn the_schema_names_every_field_the_scorer_reads() {
    let s = serde_json::to_string(&whosaid::schema()).unwrap();
    for field in [
        "quotes",
        "kind",
        "start",
        "end",
        "speaker",
        "name",
        "cue",
        "posts",
        "platform",
        "author_name",
        "handle",
        "date",
        "post_id",
        "flags",
        "error",
    ] {
        assert!(
            s.contains(&format!("\"{field}\"")),
            "{field} missing from the schema"
        );
    }
}
