//! Measurements and their summaries: every figure is a set of samples (figure, subject, x,
//! round, named metrics), summarized per (figure, subject, x) as median, min and max over rounds.

use std::collections::BTreeMap;

use serde_json::Value;

/// One measured point of one round.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub figure: String,
    pub subject: String,
    pub x: u64,
    pub round: u32,
    pub metrics: BTreeMap<String, f64>,
}

impl Sample {
    /// A sample measured by xtask itself.
    pub fn new(figure: &str, subject: &str, x: u64, round: u32, metrics: &[(&str, f64)]) -> Self {
        Self {
            figure: figure.to_owned(),
            subject: subject.to_owned(),
            x,
            round,
            metrics: metrics.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
        }
    }

    /// Parses one JSON line as printed by the `ingot-bench` programs.
    pub fn parse(line: &str) -> Result<Self, String> {
        let bad = || format!("not a benchmark sample: {line}");
        let value: Value = serde_json::from_str(line).map_err(|_| bad())?;
        let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        let metrics = value
            .get("metrics")
            .and_then(Value::as_object)
            .ok_or_else(bad)?
            .iter()
            .map(|(k, v)| v.as_f64().map(|v| (k.clone(), v)).ok_or_else(bad))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            figure: text("figure").ok_or_else(bad)?,
            subject: text("subject").ok_or_else(bad)?,
            x: value.get("x").and_then(Value::as_u64).ok_or_else(bad)?,
            round: value
                .get("round")
                .and_then(Value::as_u64)
                .and_then(|r| u32::try_from(r).ok())
                .ok_or_else(bad)?,
            metrics,
        })
    }

    /// Every sample in a program's stdout (one per line; blank lines skipped).
    pub fn parse_all(stdout: &str) -> Result<Vec<Self>, String> {
        stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(Self::parse)
            .collect()
    }
}

/// Median, min and max of one metric over rounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub rounds: usize,
}

impl Summary {
    /// `None` for no values. An even count takes the mean of the middle two.
    pub fn of(values: &[f64]) -> Option<Self> {
        let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 {
            sorted[n / 2]
        } else {
            (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
        };
        Some(Self {
            median,
            min: sorted[0],
            max: sorted[n - 1],
            rounds: n,
        })
    }
}

/// All samples of a run, with lookups by figure.
#[derive(Debug, Default)]
pub struct Samples(pub Vec<Sample>);

impl Samples {
    /// The summary of `metric` for `subject` at `x` in `figure`.
    pub fn summary(&self, figure: &str, subject: &str, x: u64, metric: &str) -> Option<Summary> {
        let values: Vec<f64> = self
            .0
            .iter()
            .filter(|s| s.figure == figure && s.subject == subject && s.x == x)
            .filter_map(|s| s.metrics.get(metric).copied())
            .collect();
        Summary::of(&values)
    }

    /// The subjects of `figure` in first-seen order.
    pub fn subjects(&self, figure: &str) -> Vec<String> {
        let mut seen = Vec::new();
        for s in self.0.iter().filter(|s| s.figure == figure) {
            if !seen.contains(&s.subject) {
                seen.push(s.subject.clone());
            }
        }
        seen
    }

    /// The x values of `figure`, ascending.
    pub fn xs(&self, figure: &str) -> Vec<u64> {
        let mut xs: Vec<u64> = self
            .0
            .iter()
            .filter(|s| s.figure == figure)
            .map(|s| s.x)
            .collect();
        xs.sort_unstable();
        xs.dedup();
        xs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_min_max() {
        let s = Summary::of(&[3.0, 1.0, 2.0]).expect("values");
        assert_eq!((s.median, s.min, s.max, s.rounds), (2.0, 1.0, 3.0, 3));
        let even = Summary::of(&[4.0, 1.0, 2.0, 3.0]).expect("values");
        assert_eq!(even.median, 2.5);
        assert_eq!(Summary::of(&[]), None);
        assert_eq!(Summary::of(&[f64::NAN]), None);
    }

    #[test]
    fn parses_a_program_line_and_refuses_others() {
        let line = r#"{"figure":"client","subject":"ingot","x":16,"round":2,"metrics":{"calls_per_sec":1234.5}}"#;
        let sample = Sample::parse(line).expect("a sample");
        assert_eq!(
            sample,
            Sample::new("client", "ingot", 16, 2, &[("calls_per_sec", 1234.5)])
        );
        assert!(Sample::parse("listening on 127.0.0.1:1").is_err());
        assert!(Sample::parse(r#"{"figure":"client"}"#).is_err());
    }
}
