//! Timestamps: [`DateTime`] and the three Smithy wire formats ([`TimestampFormat`]).
//!
//! A `DateTime` is an instant with nanosecond resolution. The wire formats carry at most
//! millisecond precision, so formatting truncates (towards the past) to whole milliseconds,
//! while parsing keeps whatever precision the text had (up to nanoseconds).

mod civil;
mod epoch;
mod error;
mod http_date;
mod rfc3339;
mod text;

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub use error::{ConversionError, DateTimeFormatError, DateTimeParseError};

const NANOS_PER_SEC: u32 = 1_000_000_000;
const NANOS_PER_MILLI: u32 = 1_000_000;

/// The wire representation of a timestamp (Smithy's `@timestampFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimestampFormat {
    /// Seconds since the Unix epoch as a number, with an optional fraction (`1576540098.123`).
    EpochSeconds,
    /// RFC 3339 text in UTC (`2019-12-16T23:48:18.123Z`).
    DateTime,
    /// IMF-fixdate from RFC 7231 (`Mon, 16 Dec 2019 23:48:18 GMT`).
    HttpDate,
}

/// An instant in time: whole seconds since the Unix epoch plus a forward nanosecond offset.
///
/// `subsec_nanos` is always in `0..1_000_000_000` and always counts *forward* from `secs`, so
/// -1.5 s is stored as `secs = -2, nanos = 500_000_000`. This keeps ordering and hashing
/// consistent with the instant the value denotes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct DateTime {
    secs: i64,
    nanos: u32,
}

impl DateTime {
    /// The instant `secs` seconds after the epoch.
    pub const fn from_secs(secs: i64) -> Self {
        DateTime { secs, nanos: 0 }
    }

    /// The instant `millis` milliseconds after the epoch (negative values go back in time).
    pub const fn from_millis(millis: i64) -> Self {
        DateTime {
            secs: millis.div_euclid(1000),
            // rem_euclid is in 0..1000, so the product fits comfortably in u32.
            nanos: millis.rem_euclid(1000) as u32 * NANOS_PER_MILLI,
        }
    }

    /// `secs` seconds plus `nanos` nanoseconds after the epoch.
    ///
    /// `nanos` of a second or more carries into the seconds (saturating at the largest
    /// representable second), so any input yields a normalized value.
    pub const fn from_secs_and_nanos(secs: i64, nanos: u32) -> Self {
        DateTime {
            secs: secs.saturating_add((nanos / NANOS_PER_SEC) as i64),
            nanos: nanos % NANOS_PER_SEC,
        }
    }

    /// Converts fractional epoch seconds.
    ///
    /// The value is taken at its shortest decimal representation (what `f64`'s `Display`
    /// prints), so `1736443496.379` becomes exactly 379 ms rather than the binary
    /// approximation's 378.99994… ms. NaN, infinities and values outside the `i64` second
    /// range are rejected.
    pub fn from_fractional_secs(secs: f64) -> Result<Self, ConversionError> {
        if !secs.is_finite() {
            return Err(ConversionError::new("timestamp seconds must be finite"));
        }
        epoch::parse_decimal(&secs.to_string())
            .map_err(|_| ConversionError::new("timestamp seconds are out of range"))
    }

    /// Whole seconds since the epoch (rounded towards the past).
    pub const fn secs(&self) -> i64 {
        self.secs
    }

    /// Nanoseconds after [`secs`](Self::secs), in `0..1_000_000_000`.
    pub const fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Milliseconds since the epoch, truncated towards the past; fails when it overflows `i64`.
    /// The instant `secs` seconds (with their fraction) from the epoch, as the SDK's
    /// `from_secs_f64`: out-of-range values saturate and NaN is the epoch, as `f64` to `i64`
    /// casts do; [`from_fractional_secs`](Self::from_fractional_secs) reports them instead.
    pub fn from_secs_f64(secs: f64) -> Self {
        let whole = secs.floor();
        // `as` saturates (NaN becomes 0); the fraction is in 0..1, so its nanoseconds fit u32.
        let nanos = (((secs - whole) * f64::from(NANOS_PER_SEC)) as u32).min(NANOS_PER_SEC - 1);
        DateTime {
            secs: whole as i64,
            nanos,
        }
    }

    /// Nanoseconds since the epoch, as the SDK's `as_nanos`.
    pub fn as_nanos(&self) -> i128 {
        i128::from(self.secs) * i128::from(NANOS_PER_SEC) + i128::from(self.nanos)
    }

    /// The instant `nanos` nanoseconds from the epoch; fails, as the SDK's `from_nanos`, when the
    /// seconds do not fit in `i64`.
    pub fn from_nanos(nanos: i128) -> Result<Self, ConversionError> {
        let per_sec = i128::from(NANOS_PER_SEC);
        let secs = i64::try_from(nanos.div_euclid(per_sec))
            .map_err(|_| ConversionError::new("timestamp seconds do not fit in i64"))?;
        // rem_euclid is in 0..1e9, which fits in u32.
        let subsec = nanos.rem_euclid(per_sec) as u32;
        Ok(DateTime {
            secs,
            nanos: subsec,
        })
    }

    /// Whether there is a fraction of a second.
    pub fn has_subsec_nanos(&self) -> bool {
        self.nanos != 0
    }

    /// Seconds since the epoch with the fraction, as the SDK's `as_secs_f64`.
    pub fn as_secs_f64(&self) -> f64 {
        self.secs as f64 + f64::from(self.nanos) / f64::from(NANOS_PER_SEC)
    }

    pub fn to_millis(&self) -> Result<i64, ConversionError> {
        self.secs
            .checked_mul(1000)
            .and_then(|ms| ms.checked_add(i64::from(self.nanos / NANOS_PER_MILLI)))
            .ok_or_else(|| ConversionError::new("timestamp does not fit in i64 milliseconds"))
    }

    /// Formats the instant in `format`, truncated to milliseconds.
    ///
    /// Years outside `0000..=9999` cannot be written in RFC 3339 or IMF-fixdate; they are
    /// written with an explicit sign and at least four digits (ISO 8601 expanded years), which
    /// [`from_str`](Self::from_str) reads back.
    ///
    /// The SDK's `fmt`, returning a `Result` like it; it fails, as the SDK's does, on years
    /// outside `0000..=9999` in the date-time and HTTP-date formats. The wire writer uses
    /// [`fmt_expanded`](Self::fmt_expanded), which writes those years too.
    pub fn fmt(&self, format: TimestampFormat) -> Result<String, DateTimeFormatError> {
        /// 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds.
        const FOUR_DIGIT_YEARS: std::ops::Range<i64> = -62_167_219_200..253_402_300_800;
        if format != TimestampFormat::EpochSeconds && !FOUR_DIGIT_YEARS.contains(&self.secs) {
            return Err(DateTimeFormatError::new(
                "the year does not fit in four digits",
            ));
        }
        Ok(self.fmt_expanded(format))
    }

    /// Formats the instant in `format` like [`fmt`](Self::fmt), writing years outside
    /// `0000..=9999` as ISO 8601 expanded years instead of failing.
    pub fn fmt_expanded(&self, format: TimestampFormat) -> String {
        match format {
            TimestampFormat::EpochSeconds => epoch::format(*self),
            TimestampFormat::DateTime => rfc3339::format(*self),
            TimestampFormat::HttpDate => http_date::format(*self),
        }
    }

    /// Parses `text` written in `format`.
    ///
    /// Epoch seconds accept any JSON number text (including exponents) and are converted
    /// exactly from the decimal digits. Date-time accepts RFC 3339 with any UTC offset and
    /// fractional seconds. HTTP-date accepts IMF-fixdate only and rejects fractional seconds.
    #[allow(clippy::should_implement_trait)] // two arguments: not `FromStr`
    pub fn from_str(text: &str, format: TimestampFormat) -> Result<Self, DateTimeParseError> {
        match format {
            TimestampFormat::EpochSeconds => epoch::parse_decimal(text),
            TimestampFormat::DateTime => rfc3339::parse(text),
            TimestampFormat::HttpDate => http_date::parse(text),
        }
    }

    /// Milliseconds after [`secs`](Self::secs), truncated.
    pub(crate) const fn subsec_millis(&self) -> u32 {
        self.nanos / NANOS_PER_MILLI
    }

    /// Splits the whole seconds into (days since epoch, seconds into that day).
    pub(crate) const fn day_and_second(&self) -> (i64, u32) {
        // rem_euclid is in 0..86_400, so the cast cannot truncate.
        (
            self.secs.div_euclid(civil::SECS_PER_DAY),
            self.secs.rem_euclid(civil::SECS_PER_DAY) as u32,
        )
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&rfc3339::format(*self))
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<SystemTime> for DateTime {
    /// Saturates at the ends of the `i64` second range (hundreds of billions of years away).
    fn from(time: SystemTime) -> Self {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => DateTime {
                secs: i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                nanos: after.subsec_nanos(),
            },
            Err(before) => {
                let before = before.duration();
                // i128: 2^63 seconds before the epoch is i64::MIN, whose magnitude i64 lacks.
                let whole = -i128::from(before.as_secs());
                let (secs, nanos) = match before.subsec_nanos() {
                    0 => (whole, 0),
                    n => (whole - 1, NANOS_PER_SEC - n),
                };
                match i64::try_from(secs) {
                    Ok(secs) => DateTime { secs, nanos },
                    Err(_) => DateTime {
                        secs: i64::MIN,
                        nanos: 0,
                    },
                }
            }
        }
    }
}

impl TryFrom<DateTime> for SystemTime {
    type Error = ConversionError;

    fn try_from(value: DateTime) -> Result<Self, Self::Error> {
        let out_of_range = || ConversionError::new("timestamp is out of range for SystemTime");
        let whole = Duration::from_secs(value.secs.unsigned_abs());
        let base = if value.secs >= 0 {
            UNIX_EPOCH.checked_add(whole)
        } else {
            UNIX_EPOCH.checked_sub(whole)
        };
        base.and_then(|t| t.checked_add(Duration::from_nanos(u64::from(value.nanos))))
            .ok_or_else(out_of_range)
    }
}

#[cfg(test)]
mod tests;
