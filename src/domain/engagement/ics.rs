//! Planned items as an iCalendar file (RFC 5545), which Outlook, Google Calendar and
//! DingTalk import: one all-day event per item, its text escaped (backslash, semicolon,
//! comma, line breaks; other control characters dropped) and its lines folded at 75
//! octets without splitting a character.

use chrono::{Days, NaiveDate, NaiveDateTime};

/// One planned item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Unique and stable for the item, so importing the file again updates the event.
    pub uid: String,
    pub on: NaiveDate,
    pub summary: String,
    pub description: String,
}

/// Text as an iCalendar TEXT value.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded so no line is longer than 75 octets (continuations start with
/// a space), each ending in CRLF.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The calendar file of `events`, stamped `stamp` (UTC) as its creation time.
pub fn calendar(name: &str, events: &[CalendarEvent], stamp: NaiveDateTime) -> String {
    let mut out = String::new();
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Key-account workbench//KAM//ZH-EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", escape_text(name)), &mut out);
    for event in events {
        let end = event.on.checked_add_days(Days::new(1)).unwrap_or(event.on);
        for line in [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}", escape_text(&event.uid)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", event.on.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
            format!("SUMMARY:{}", escape_text(&event.summary)),
        ] {
            fold(&line, &mut out);
        }
        if !event.description.is_empty() {
            fold(
                &format!("DESCRIPTION:{}", escape_text(&event.description)),
                &mut out,
            );
        }
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(summary: &str) -> CalendarEvent {
        CalendarEvent {
            uid: "next-7-3@kam-workbench".into(),
            on: NaiveDate::from_ymd_opt(2026, 2, 28).expect("date"),
            summary: summary.into(),
            description: "Line one\r\nline two; a, b \\ c".into(),
        }
    }

    fn stamp() -> NaiveDateTime {
        NaiveDateTime::parse_from_str("2026-02-01 08:00", "%Y-%m-%d %H:%M").expect("time")
    }

    #[test]
    fn ics_text_escapes_backslashes_separators_and_line_breaks_and_drops_controls() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
        assert_eq!(escape_text("nul\u{0}byte\ttab"), "nulbyte tab");
        assert_eq!(
            escape_text("<img src=x onerror=alert(1)>"),
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn an_ics_event_is_one_all_day_event_with_its_text_escaped() {
        let file = calendar(
            "KAM",
            &[event("Visit: BEGIN:VEVENT\nEND:VCALENDAR")],
            stamp(),
        );
        assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(file.contains("DTSTART;VALUE=DATE:20260228\r\nDTEND;VALUE=DATE:20260301\r\n"));
        assert!(file.contains("DTSTAMP:20260201T080000Z\r\n"));
        assert!(
            file.contains("SUMMARY:Visit: BEGIN:VEVENT\\nEND:VCALENDAR\r\n"),
            "hostile text stays in one property"
        );
        assert_eq!(
            file.matches("BEGIN:VEVENT").count(),
            2,
            "one real event, one in the summary's text"
        );
        assert_eq!(file.matches("\r\nBEGIN:VEVENT\r\n").count(), 1);
        assert!(file.contains("DESCRIPTION:Line one\\nline two\\; a\\, b \\\\ c\r\n"));
        assert!(
            !file.replace("\r\n", "").contains('\n'),
            "no bare line feed"
        );
    }

    #[test]
    fn ics_lines_are_folded_at_75_octets_without_splitting_a_character() {
        let long = "长".repeat(100);
        let file = calendar("KAM", &[event(&long)], stamp());
        for line in file.split("\r\n") {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = file.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{long}\r\n")));
    }
}
