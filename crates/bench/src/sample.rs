//! One measurement as a JSON line on stdout: `{"figure": .., "subject": .., "x": .., "round": ..,
//! "metrics": {name: value}}`. `xtask bench` groups samples by figure, subject and x.

use std::io::Write;

/// One measured point of one round.
#[derive(Debug)]
pub struct Sample<'a> {
    /// Which figure, e.g. `client`.
    pub figure: &'a str,
    /// Who was measured, e.g. `ingot` or `sdk`.
    pub subject: &'a str,
    /// The varied parameter (concurrency, connections), 0 when there is none.
    pub x: u64,
    /// Which round (0-based).
    pub round: u32,
    /// Named values, e.g. `calls_per_sec`.
    pub metrics: Vec<(&'a str, f64)>,
}

impl Sample<'_> {
    /// Prints the sample as one line and flushes, so a reading parent sees it at once.
    pub fn emit(&self) {
        let metrics: serde_json::Map<String, serde_json::Value> = self
            .metrics
            .iter()
            .map(|(k, v)| ((*k).to_owned(), serde_json::json!(v)))
            .collect();
        let line = serde_json::json!({
            "figure": self.figure,
            "subject": self.subject,
            "x": self.x,
            "round": self.round,
            "metrics": metrics,
        });
        let mut out = std::io::stdout().lock();
        // A closed stdout means the parent is gone; nothing left to report to.
        let _ = writeln!(out, "{line}").and_then(|()| out.flush());
    }
}
