//! Corpora: JSON Lines records in, graph lines out, dates and time slices.
//!
//! A corpus is one article per line, `{"id", "text", "date", "url", "lang"?}`,
//! so it streams: the caller reads a line, parses it here, extracts, and
//! forgets it. The mapper output is one [`GraphLine`] per article, which is
//! what `merge --input jsonl` reads back: any map-reduce engine can run the
//! two (see `docs/SCALE.md`).
//!
//! A bad record is not an [`crate::Error`]: [`parse_record`] returns a
//! [`RecordError`] (what is wrong, what was expected) and the caller, who
//! knows the file and the line, decides whether to skip it or stop.

use crate::graph::GraphJson;
use crate::model::{Document, Lang};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One article of a JSON Lines corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Record id (a string, or an integer written as one).
    pub id: String,
    /// The article text.
    pub text: String,
    /// Publication date, ISO 8601 (`2020-06-06` or `2020-06-06T10:00:00Z`).
    pub date: Option<String>,
    /// Source URL.
    pub url: Option<String>,
    /// Declared language; detected when absent.
    pub lang: Option<Lang>,
}

/// Why a record was rejected: what is wrong and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// What is wrong.
    pub what: String,
    /// What was expected.
    pub hint: String,
}

impl RecordError {
    fn new(what: impl Into<String>, hint: impl Into<String>) -> RecordError {
        RecordError {
            what: what.into(),
            hint: hint.into(),
        }
    }
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}; {}", self.what, self.hint)
    }
}

const RECORD_HINT: &str = r#"expected one object per line: {"id": "…", "text": "…", "date": "YYYY-MM-DD", "url": "…", "lang": "ar"|"en"}"#;

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// An optional string field: absent or null is `None`.
fn opt_string(
    obj: &serde_json::Map<String, Value>,
    key: &str,
) -> Result<Option<String>, RecordError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(RecordError::new(
            format!("\"{key}\" is {}", type_name(other)),
            format!("expected \"{key}\" to be a string"),
        )),
    }
}

/// Parses one line of a corpus. Unknown fields are ignored (corpora carry
/// titles, authors, …); `id` and `text` are required, `date` must be a valid
/// calendar date, `lang` one of `ar`, `en`.
pub fn parse_record(line: &[u8]) -> Result<Record, RecordError> {
    // serde_json validates the UTF-8 of what it parses; the line is only
    // checked again to name the bad byte when parsing fails.
    let value: Value =
        serde_json::from_slice(line).map_err(|e| match std::str::from_utf8(line) {
            Err(bad) => RecordError::new(
                format!("invalid UTF-8 at byte {}", bad.valid_up_to()),
                "expected a UTF-8 JSON line",
            ),
            Ok(_) => RecordError::new(format!("invalid JSON ({e})"), RECORD_HINT.to_string()),
        })?;
    let Value::Object(mut obj) = value else {
        return Err(RecordError::new(
            format!("the line is {}, not an object", type_name(&value)),
            RECORD_HINT,
        ));
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => {
            return Err(RecordError::new("missing \"id\"", RECORD_HINT));
        }
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) if n.is_u64() || n.is_i64() => n.to_string(),
        Some(other) => {
            return Err(RecordError::new(
                format!("\"id\" is {}", type_name(other)),
                "expected a non-empty string or an integer",
            ))
        }
    };
    let text = match obj.remove("text") {
        None | Some(Value::Null) => {
            return Err(RecordError::new("missing \"text\"", RECORD_HINT));
        }
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(RecordError::new(
                format!("\"text\" is {}", type_name(&other)),
                "expected the article text as a string",
            ))
        }
    };
    if text.trim().is_empty() {
        return Err(RecordError::new(
            "empty \"text\"",
            "expected the article text",
        ));
    }
    let date = opt_string(&obj, "date")?;
    if let Some(d) = &date {
        check_date(d)?;
    }
    let url = opt_string(&obj, "url")?;
    let lang = match opt_string(&obj, "lang")? {
        None => None,
        Some(code) => Some(Lang::from_code(&code).ok_or_else(|| {
            RecordError::new(
                format!("unknown \"lang\" '{code}'"),
                "expected \"ar\" or \"en\", or no lang to detect it",
            )
        })?),
    };
    Ok(Record {
        id,
        text,
        date,
        url,
        lang,
    })
}

impl Record {
    /// The record as a [`Document`]. The path is `jsonl:<id>`, not the file
    /// and line, so that the same record gives the same graph wherever it is
    /// read (one file, stdin, a Spark partition). `date` fills in a missing
    /// date, `lang` a missing language (detected when both are `None`).
    pub fn into_document(self, date: Option<&str>, lang: Option<Lang>) -> crate::Result<Document> {
        let path = format!("jsonl:{}", self.id);
        let mut doc = crate::read_text_document(&self.id, &path, self.text, self.lang.or(lang))?;
        doc.date = self.date.or_else(|| date.map(str::to_string));
        doc.url = self.url;
        Ok(doc)
    }
}

/// One line of mapper output: an article's id and its graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphLine {
    /// Record id (or `merged` for a partial merge).
    pub id: String,
    /// The graph of that record.
    pub graph: GraphJson,
}

impl GraphLine {
    /// One line of JSON, newline included.
    pub fn to_line(&self) -> String {
        GraphLine::line(&self.id, &self.graph)
    }

    /// The line for this id and graph, without building a [`GraphLine`].
    pub fn line(id: &str, graph: &GraphJson) -> String {
        #[derive(Serialize)]
        struct Borrowed<'a> {
            id: &'a str,
            graph: &'a GraphJson,
        }
        let mut line = serde_json::to_string(&Borrowed { id, graph }).unwrap_or_default();
        line.push('\n');
        line
    }

    /// Parses and validates one line.
    pub fn parse(line: &[u8]) -> Result<GraphLine, RecordError> {
        let gl: GraphLine = serde_json::from_slice(line).map_err(|e| {
            RecordError::new(
                format!("invalid graph line ({e})"),
                r#"expected {"id": "…", "graph": {…}} as written by `extract --output jsonl`"#,
            )
        })?;
        gl.graph.validate("").map_err(|e| match e {
            crate::Error::Data { what, hint, .. } => RecordError::new(what, hint),
            other => RecordError::new(other.to_string(), "expected a valid stancegraph/1 graph"),
        })?;
        Ok(gl)
    }
}

// ---- dates -------------------------------------------------------------

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day, 1..=31.
    pub day: u32,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// Parses the date part of an ISO 8601 date or date-time
    /// (`YYYY-MM-DD`, optionally followed by `T…` or ` …`).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let (date, rest) = s.split_at(s.len().min(10));
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return None;
        }
        let b = date.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = date.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> i64 {
        (self.days() + 3).rem_euclid(7)
    }

    /// ISO 8601 week: (week-based year, week 1..=53).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = Date::from_days(self.days() - self.weekday() + 3);
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.days() - jan1.days()) / 7 + 1;
        (thursday.year, week as u32)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Checks a record or `--date` date.
pub fn check_date(s: &str) -> Result<Date, RecordError> {
    Date::parse(s).ok_or_else(|| {
        RecordError::new(
            format!("invalid date '{s}'"),
            "expected an ISO 8601 date, YYYY-MM-DD (a time may follow after T)",
        )
    })
}

/// How a corpus is cut into time slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SliceBy {
    /// One slice per day: `2020-06-06`.
    Day,
    /// One slice per ISO week: `2020-W23`.
    Week,
    /// One slice per month: `2020-06`.
    Month,
}

impl SliceBy {
    /// The slice a date falls in, and its first and last day. Slice names
    /// sort in time order as strings.
    pub fn slice(self, date: Date) -> (String, Date, Date) {
        match self {
            SliceBy::Day => (date.to_string(), date, date),
            SliceBy::Week => {
                let (year, week) = date.iso_week();
                let monday = date.days() - date.weekday();
                (
                    format!("{year:04}-W{week:02}"),
                    Date::from_days(monday),
                    Date::from_days(monday + 6),
                )
            }
            SliceBy::Month => {
                let first = Date { day: 1, ..date };
                let last = Date {
                    day: days_in_month(date.year, date.month),
                    ..date
                };
                (format!("{:04}-{:02}", date.year, date.month), first, last)
            }
        }
    }

    /// The name on the command line and in `timeline.json`.
    pub fn name(self) -> &'static str {
        match self {
            SliceBy::Day => "day",
            SliceBy::Week => "week",
            SliceBy::Month => "month",
        }
    }
}

/// The schema tag of `timeline.json`.
pub const TIMELINE_SCHEMA: &str = "stancegraph-timeline/1";

/// `timeline.json`: the slices of a corpus, in time order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineJson {
    /// Always [`TIMELINE_SCHEMA`].
    pub schema: String,
    /// How the corpus was cut.
    pub by: SliceBy,
    /// The slices, in time order.
    pub slices: Vec<SliceJson>,
}

/// One slice of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SliceJson {
    /// Slice name: `2020-06-06`, `2020-W23` or `2020-06`.
    pub slice: String,
    /// First day of the slice.
    pub start: String,
    /// Last day of the slice.
    pub end: String,
    /// The slice's graph file, relative to `timeline.json`.
    pub graph: String,
    /// Number of articles in the slice.
    pub documents: usize,
    /// Number of actors in its graph.
    pub nodes: usize,
    /// Number of stances in its graph.
    pub edges: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks_at_year_edges() {
        for (date, want) in [
            ("2020-06-06", (2020, 23)),
            ("2021-01-03", (2020, 53)),
            ("2021-01-04", (2021, 1)),
            ("2019-12-30", (2020, 1)),
            ("2024-02-29", (2024, 9)),
        ] {
            let d = Date::parse(date).map(Date::iso_week);
            assert_eq!(d, Some(want), "{date}");
        }
    }

    #[test]
    fn days_round_trip() {
        for days in [-800_000, -1, 0, 59, 18_000, 20_000, 2_000_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
    }

    #[test]
    fn dates_are_checked() {
        for bad in [
            "2020-13-01",
            "2021-02-29",
            "2020-6-6",
            "20200606",
            "2020-06-06x",
            "",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
        for good in ["2020-02-29", "2020-06-06T10:00:00Z", "2020-06-06 10:00"] {
            assert!(Date::parse(good).is_some(), "{good}");
        }
    }

    #[test]
    fn records_name_what_is_wrong() {
        let err = |line: &str| parse_record(line.as_bytes()).unwrap_err().what;
        assert!(err("{").starts_with("invalid JSON"));
        assert_eq!(err("[1]"), "the line is an array, not an object");
        assert_eq!(err(r#"{"id":"a"}"#), "missing \"text\"");
        assert_eq!(err(r#"{"id":"a","text":5}"#), "\"text\" is a number");
        assert_eq!(err(r#"{"text":"x"}"#), "missing \"id\"");
        assert_eq!(
            err(r#"{"id":"a","text":"x","date":"June"}"#),
            "invalid date 'June'"
        );
        assert_eq!(
            err(r#"{"id":"a","text":"x","lang":"fr"}"#),
            "unknown \"lang\" 'fr'"
        );
        let ok = parse_record(br#"{"id":7,"text":"x","date":"2020-06-06","extra":1}"#);
        assert_eq!(ok.map(|r| r.id), Ok("7".to_string()));
    }
}
