//! The native side of the `whosaid` Python package: text in, JSON records out (the same
//! bytes as `whosaid extract` writes), with the GIL released while the library runs.
//!
//! The Python side (`whosaid/__init__.py`) checks its arguments, turns the records into
//! dicts with `json.loads` and streams documents through [`analyze_batch`] in batches.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
mod topy;

use whosaid::{Analysis, ErrorRecord, OffsetUnit, Options, Record};

// As the CLI: the analysis allocates many small, short-lived values per document.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn unit(offsets: &str) -> PyResult<OffsetUnit> {
    match offsets {
        "chars" => Ok(OffsetUnit::Chars),
        "bytes" => Ok(OffsetUnit::Bytes),
        "utf16" => Ok(OffsetUnit::Utf16),
        other => Err(PyValueError::new_err(format!(
            "offsets must be \"chars\", \"bytes\" or \"utf16\", not {other:?}"
        ))),
    }
}

fn options(
    date: Option<String>,
    offsets: &str,
    emit_text: bool,
    doubled_apostrophes: bool,
) -> PyResult<Options> {
    Ok(Options {
        date,
        emit_text,
        offsets: unit(offsets)?,
        doubled_apostrophes,
    })
}

/// One document, analysed as the CLI does: a bug costs this document only, and its record
/// says so.
fn record(id: String, text: &str, html: bool, options: &Options) -> Record {
    let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if html {
            whosaid::analyze_html(text, options)
        } else {
            whosaid::analyze(text, options)
        }
    }));
    match analysed {
        Ok(mut a) => {
            a.id = id;
            Record::Analysis(Box::new(a))
        }
        Err(_) => Record::Error(ErrorRecord {
            id,
            error: "internal error while analysing this document (please report it)".into(),
        }),
    }
}

fn to_json(record: &Record) -> String {
    serde_json::to_string(record)
        .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialise: {e}\"}}"))
}

/// A record as Python objects (dicts, lists, str, int, None), shaped as its JSON.
fn to_python(to: &topy::ToPy<'_>, record: &Record) -> PyResult<PyObject> {
    to.convert(record)
        .map(Bound::unbind)
        .map_err(|e| PyRuntimeError::new_err(format!("cannot convert the record: {e}")))
}

/// One document's record as a dict.
#[pyfunction]
#[pyo3(signature = (text, id, html, date, offsets, emit_text, doubled_apostrophes))]
#[allow(clippy::too_many_arguments)]
fn analyze(
    py: Python<'_>,
    text: String,
    id: String,
    html: bool,
    date: Option<String>,
    offsets: &str,
    emit_text: bool,
    doubled_apostrophes: bool,
) -> PyResult<PyObject> {
    let options = options(date, offsets, emit_text, doubled_apostrophes)?;
    let r = py.allow_threads(|| record(id, &text, html, &options));
    to_python(&topy::ToPy::new(py), &r)
}

/// The worker pools, one for each number of threads asked for (the global pool for none).
fn pool(threads: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
    let Some(n) = threads else {
        return Ok(None);
    };
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .map_err(|_| PyRuntimeError::new_err("whosaid's thread pools are unusable"))?;
    if let Some(p) = pools.get(&n) {
        return Ok(Some(p.clone()));
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("whosaid-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}")))?;
    let p = Arc::new(p);
    pools.insert(n, p.clone());
    Ok(Some(p))
}

/// Analysed records waiting to cross into Python: [`analyze_batch`] fills it without the
/// GIL, [`Batch::records`] converts it, on the thread that consumes the stream, while the
/// workers analyse the next batch.
#[pyclass(module = "whosaid._whosaid")]
struct Batch {
    records: Vec<Record>,
}

#[pymethods]
impl Batch {
    /// The records as dicts, in input order (once: the batch is empty afterwards).
    fn records(&mut self, py: Python<'_>) -> PyResult<Vec<PyObject>> {
        let records = std::mem::take(&mut self.records);
        let to = topy::ToPy::new(py);
        records.iter().map(|r| to_python(&to, r)).collect()
    }
}

/// A batch of documents `(id, text or error, date, html, failed)`, analysed in parallel
/// without the GIL. A document given as failed (its text the reason) gives the CLI's error
/// record.
#[pyfunction]
#[pyo3(signature = (docs, default_date, offsets, emit_text, doubled_apostrophes, threads))]
fn analyze_batch(
    py: Python<'_>,
    docs: Vec<(String, String, Option<String>, bool, bool)>,
    default_date: Option<String>,
    offsets: &str,
    emit_text: bool,
    doubled_apostrophes: bool,
    threads: Option<usize>,
) -> PyResult<Batch> {
    let base = options(default_date, offsets, emit_text, doubled_apostrophes)?;
    let pool = pool(threads)?;
    let run = move || -> Vec<Record> {
        docs.into_par_iter()
            .map(|(id, text, date, html, failed)| {
                if failed {
                    return Record::Error(ErrorRecord { id, error: text });
                }
                let mut o = base.clone();
                if date.is_some() {
                    o.date = date;
                }
                record(id, &text, html, &o)
            })
            .collect()
    };
    let records = py.allow_threads(move || match pool {
        Some(p) => p.install(run),
        None => run(),
    });
    Ok(Batch { records })
}

/// The analysis for review: bytes offsets, with the analysed text.
fn review_analysis(text: &str, html: bool, date: Option<String>) -> Analysis {
    let options = Options {
        date,
        emit_text: true,
        ..Options::default()
    };
    if html {
        whosaid::analyze_html(text, &options)
    } else {
        whosaid::analyze(text, &options)
    }
}

/// The record `whosaid review --format json` writes (the text included, the flags with
/// it), in the offsets asked for.
#[pyfunction]
#[pyo3(signature = (text, id, html, date, offsets))]
fn review(
    py: Python<'_>,
    text: String,
    id: String,
    html: bool,
    date: Option<String>,
    offsets: &str,
) -> PyResult<String> {
    let unit = unit(offsets)?;
    py.allow_threads(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut a = review_analysis(&text, html, date);
            a.id = id;
            if unit != OffsetUnit::Bytes {
                let analysed = a.text.clone().unwrap_or_default();
                whosaid::convert_offsets(&mut a, &analysed, unit);
            }
            to_json(&Record::Analysis(Box::new(a)))
        }))
    })
    .map_err(|_| PyRuntimeError::new_err("internal error while analysing this document"))
}

/// The standalone review page (`whosaid review --format html`).
#[pyfunction]
#[pyo3(signature = (text, title, html, date))]
fn html_report(
    py: Python<'_>,
    text: String,
    title: String,
    html: bool,
    date: Option<String>,
) -> PyResult<String> {
    py.allow_threads(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut a = review_analysis(&text, html, date);
            let analysed = a.text.take().unwrap_or_default();
            whosaid::html_report(&title, &analysed, &a)
        }))
    })
    .map_err(|_| PyRuntimeError::new_err("internal error while analysing this document"))
}

/// The JSON Schema of a record, as a JSON string.
#[pyfunction]
fn schema() -> String {
    serde_json::to_string(&whosaid::schema()).unwrap_or_default()
}

/// Every flag kind: (id, one sentence of documentation, whether it is a style note).
#[pyfunction]
fn flag_kinds() -> Vec<(&'static str, &'static str, bool)> {
    whosaid::FlagKind::ALL
        .iter()
        .map(|k| (k.id(), k.doc(), k.is_note()))
        .collect()
}

/// The number of threads of the default pool (every core).
#[pyfunction]
fn default_threads() -> usize {
    rayon::current_num_threads()
}

#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch, m)?)?;
    m.add_class::<Batch>()?;
    m.add_function(wrap_pyfunction!(review, m)?)?;
    m.add_function(wrap_pyfunction!(html_report, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(flag_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    Ok(())
}
