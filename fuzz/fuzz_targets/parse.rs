//! What users type, as the domain reads it: amounts, axis scores in tenths, criterion
//! scores, numbers of employees, and plan dates (the `<input type="date">` value, read
//! as the plan pages read it: `NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")`);
//! and the arithmetic done on what was read (growth in percent, share of wallet, the
//! freshness of a dated fact); hours of a contact (`parse_hours`), and text written into
//! a calendar file (`ics`).
//!
//! Checks: no panic, no overflow (the targets build with overflow checks); whatever
//! reads shows as text that reads back to the same value (amount, tenths, employees,
//! date); a score read is within 1–10; a growth or a share, when there is one, is
//! shown without panicking; hours read are within a day and read back from their
//! tenths; calendar text has no line break or control character, its lines fold at 75
//! octets, and unfolded and unescaped it is the text without its control characters.
#![no_main]

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use kam::domain::account::parse_employees;
use kam::domain::engagement::activity::parse_hours;
use kam::domain::engagement::ics::{calendar, escape_text, CalendarEvent};
use kam::domain::plan::facts::{
    growth_tenths_percent, older_than_refresh_period, tenths_percent_text, Amount, Fact,
};
use kam::domain::plan::finance::share_of_wallet;
use kam::domain::scoring::{parse_score, ScoreError};
use kam::domain::Tenths;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    other: String,
    amounts: (i64, i64),
    days: (i32, i32),
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Undoes `escape_text`.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fuzz_target!(|input: Input| {
    let text = input.text.as_str();

    if let Some(tenths) = parse_hours(text) {
        assert!(tenths <= 240);
        let shown = format!("{}.{}", tenths / 10, tenths % 10);
        assert_eq!(
            parse_hours(&shown),
            Some(tenths),
            "{text:?} shown as {shown}"
        );
    }

    let escaped = escape_text(text);
    assert!(
        !escaped.chars().any(char::is_control),
        "a control character in {escaped:?}"
    );
    let expected: String = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', " ")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    assert_eq!(unescape(&escaped), expected);
    let stamp = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    let file = calendar(
        &input.other,
        &[CalendarEvent {
            uid: input.other.clone(),
            on: NaiveDate::from_ymd_opt(2026, 2, 28).unwrap_or_default(),
            summary: text.to_owned(),
            description: input.other.clone(),
        }],
        stamp,
    );
    for line in file.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets", line.len());
    }
    assert!(
        !file.replace("\r\n", "").contains(['\r', '\n']),
        "a bare line break"
    );
    let unfolded = file.replace("\r\n ", "");
    assert!(unfolded.contains(&format!("SUMMARY:{escaped}\r\n")));

    let amount = Amount::parse(text);
    if let Some(a) = amount {
        assert_eq!(Amount::parse(&a.to_string()), Some(a), "{a:?} shown as {a}");
        let _ = a.as_f64();
    }
    // Any stored amount shows; those Amount::parse can give read back.
    for raw in [input.amounts.0, input.amounts.1] {
        let shown = Amount(raw).to_string();
        if raw != i64::MIN {
            assert_eq!(
                Amount::parse(&shown),
                Some(Amount(raw)),
                "{raw} shown as {shown}"
            );
        }
    }
    let other = Amount::parse(&input.other);
    for (before, after) in [
        (amount, other),
        (Some(Amount(input.amounts.0)), Some(Amount(input.amounts.1))),
    ] {
        if let Some(g) = growth_tenths_percent(before, after) {
            let _ = tenths_percent_text(g);
        }
        if let Some(s) = share_of_wallet(before, after) {
            let _ = tenths_percent_text(s);
        }
    }

    if let Some(t) = Tenths::parse(text) {
        assert_eq!(Tenths::parse(&t.to_string()), Some(t), "{t:?} shown as {t}");
    }

    match parse_score(text) {
        Ok(score) => {
            assert!((1..=10).contains(&score));
            assert_eq!(parse_score(&score.to_string()), Ok(score));
        }
        Err(ScoreError::OutOfRange(n)) => assert!(!(1..=10).contains(&n)),
        Err(ScoreError::NotAWholeNumber) => {}
    }

    if let Some(n) = parse_employees(text) {
        assert_eq!(parse_employees(&n.to_string()), Some(n));
    }

    if let Some(d) = date(text) {
        let shown = d.format("%Y-%m-%d").to_string();
        assert_eq!(date(&shown), Some(d), "{d:?} shown as {shown}");
    }
    let days = |n: i32| NaiveDate::from_num_days_from_ce_opt(n);
    if let (Some(a), Some(b)) = (days(input.days.0), days(input.days.1)) {
        let _ = older_than_refresh_period(a, b);
        let fact = Fact {
            text: input.other.clone(),
            date: Some(a),
            ..Fact::default()
        };
        let _ = fact.freshness(b).needs_refresh();
        if let Some(d) = date(&input.other) {
            let _ = older_than_refresh_period(d, b);
        }
    }
});
