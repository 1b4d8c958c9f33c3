//! Facts about a customer and how much to trust them (KAM-SPEC §2.3.4): each fact can
//! carry its information level (1–4), its source and the date it was learnt; a fact
//! older than six months is due for refresh. Also amounts of money, held exactly.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::account::slugs;

/// How information was obtained (document 004): the higher, the harder to get.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InfoLevel {
    /// 1 — public and free.
    PublicFree,
    /// 2 — public and paid.
    PublicPaid,
    /// 3 — private, through contacts.
    PrivateContacts,
    /// 4 — private, from top management.
    PrivateTopManagement,
}

impl InfoLevel {
    pub const ALL: [InfoLevel; 4] = [
        InfoLevel::PublicFree,
        InfoLevel::PublicPaid,
        InfoLevel::PrivateContacts,
        InfoLevel::PrivateTopManagement,
    ];

    pub fn number(self) -> u8 {
        match self {
            InfoLevel::PublicFree => 1,
            InfoLevel::PublicPaid => 2,
            InfoLevel::PrivateContacts => 3,
            InfoLevel::PrivateTopManagement => 4,
        }
    }
}

slugs!(InfoLevel {
    PublicFree => "public_free",
    PublicPaid => "public_paid",
    PrivateContacts => "private_contacts",
    PrivateTopManagement => "private_top_management",
});

/// Months after which a fact is due for refresh.
pub const REFRESH_MONTHS: u32 = 6;

/// A piece of information with where it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Fact {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<InfoLevel>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// When the information was obtained.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

/// How current a fact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// Nothing recorded.
    Empty,
    Current,
    /// Recorded without a date: its age is unknown, so it is due for checking.
    Undated,
    /// Older than [`REFRESH_MONTHS`].
    DueForRefresh,
}

impl Freshness {
    pub fn needs_refresh(self) -> bool {
        matches!(self, Freshness::Undated | Freshness::DueForRefresh)
    }
}

/// True when `date` is more than [`REFRESH_MONTHS`] before `today`.
pub fn older_than_refresh_period(date: NaiveDate, today: NaiveDate) -> bool {
    date.checked_add_months(Months::new(REFRESH_MONTHS))
        .is_some_and(|due| due < today)
}

impl Fact {
    pub fn is_filled(&self) -> bool {
        !self.text.trim().is_empty()
    }

    pub fn freshness(&self, today: NaiveDate) -> Freshness {
        match (self.is_filled(), self.date) {
            (false, _) => Freshness::Empty,
            (true, None) => Freshness::Undated,
            (true, Some(date)) if older_than_refresh_period(date, today) => {
                Freshness::DueForRefresh
            }
            (true, Some(_)) => Freshness::Current,
        }
    }
}

/// An amount of money (or any figure) in hundredths, so sums and comparisons are exact
/// and the value shown is the value stored. The unit (元, 万元…) is the user's.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Amount(pub i64);

impl Amount {
    /// Reads "1,234.5", "1 234" or "-12": thousands separators (comma, Chinese comma,
    /// spaces) are ignored; at most two decimals.
    pub fn parse(input: &str) -> Option<Amount> {
        let cleaned: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}' | '_'))
            .collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() && fraction.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
            || fraction.len() > 2
        {
            return None;
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
        let value = whole.checked_mul(100)?.checked_add(fraction)?;
        Some(Amount(if negative { -value } else { value }))
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

/// A whole number with its thousands grouped by commas, as spreadsheets show them in
/// both languages ("2,000,000").
pub fn group_thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

impl std::fmt::Display for Amount {
    /// Whole amounts without decimals, others with the decimals needed; thousands
    /// grouped with commas as spreadsheets show them in both languages ("1,234,567.5"),
    /// which [`Amount::parse`] reads back.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, cents) = (abs / 100, abs % 100);
        let grouped = group_thousands(whole);
        match cents {
            0 => write!(f, "{sign}{grouped}"),
            c if c % 10 == 0 => write!(f, "{sign}{grouped}.{}", c / 10),
            c => write!(f, "{sign}{grouped}.{c:02}"),
        }
    }
}

/// A change from `before` to `after` in percent, one decimal place (in tenths of a
/// percent); none when there is no earlier figure to compare with or it is not positive.
pub fn growth_tenths_percent(before: Option<Amount>, after: Option<Amount>) -> Option<i64> {
    // Wide enough for any two amounts; a growth too large for an i64 is none.
    let (before, after) = (i128::from(before?.0), i128::from(after?.0));
    if before <= 0 {
        return None;
    }
    // Rounded half away from zero, in integers.
    let numerator = (after - before) * 1000;
    let rounded = (numerator.abs() * 2 + before) / (2 * before);
    i64::try_from(if numerator < 0 { -rounded } else { rounded }).ok()
}

/// Tenths of a percent as text: 125 → "12.5", -30 → "-3.0".
pub fn tenths_percent_text(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}", abs / 10, abs % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn a_fact_older_than_six_months_is_due_for_refresh() {
        let today = day(2026, 11, 22);
        let fact = |date| Fact {
            text: "Revenue grew 12%".into(),
            date,
            ..Fact::default()
        };
        assert_eq!(
            fact(Some(day(2026, 5, 22))).freshness(today),
            Freshness::Current
        );
        assert_eq!(
            fact(Some(day(2026, 5, 21))).freshness(today),
            Freshness::DueForRefresh
        );
        assert_eq!(fact(None).freshness(today), Freshness::Undated);
        assert!(fact(None).freshness(today).needs_refresh());
        assert_eq!(Fact::default().freshness(today), Freshness::Empty);
        assert!(!Fact::default().freshness(today).needs_refresh());
    }

    #[test]
    fn the_six_month_period_handles_month_ends() {
        // 31 August + 6 months is the end of February.
        assert!(!older_than_refresh_period(
            day(2025, 8, 31),
            day(2026, 2, 28)
        ));
        assert!(older_than_refresh_period(day(2025, 8, 31), day(2026, 3, 1)));
    }

    #[test]
    fn amounts_show_thousands_grouped_and_read_back_the_same() {
        for (value, shown) in [
            (0, "0"),
            (99_900, "999"),
            (100_000, "1,000"),
            (-123_456_789, "-1,234,567.89"),
            (1_000_000_000_010, "10,000,000,000.1"),
        ] {
            assert_eq!(Amount(value).to_string(), shown);
            assert_eq!(Amount::parse(shown), Some(Amount(value)));
        }
    }

    #[test]
    fn amounts_are_read_exactly_with_separators_and_two_decimals() {
        assert_eq!(Amount::parse("1,234.5"), Some(Amount(123_450)));
        assert_eq!(Amount::parse(" 1 234 "), Some(Amount(123_400)));
        assert_eq!(Amount::parse("-12.05"), Some(Amount(-1_205)));
        assert_eq!(Amount::parse(".5"), Some(Amount(50)));
        assert_eq!(Amount::parse("1.234"), None);
        assert_eq!(Amount::parse("abc"), None);
        assert_eq!(Amount::parse(""), None);
        assert_eq!(Amount::parse("-"), None);
        assert_eq!(Amount(123_450).to_string(), "1,234.5");
        assert_eq!(Amount(-1_205).to_string(), "-12.05");
        assert_eq!(Amount(500).to_string(), "5");
    }

    #[test]
    fn growth_is_the_change_over_the_earlier_figure_in_tenths_of_a_percent() {
        let a = |v: i64| Some(Amount(v * 100));
        assert_eq!(growth_tenths_percent(a(100), a(112)), Some(120));
        assert_eq!(growth_tenths_percent(a(200), a(150)), Some(-250));
        // 1/3 = 33.33…% → 33.3; 2/3 → 66.7.
        assert_eq!(growth_tenths_percent(a(3), a(4)), Some(333));
        assert_eq!(growth_tenths_percent(a(3), a(5)), Some(667));
        assert_eq!(growth_tenths_percent(a(3), a(1)), Some(-667));
        assert_eq!(growth_tenths_percent(None, a(5)), None);
        assert_eq!(growth_tenths_percent(a(0), a(5)), None);
        assert_eq!(growth_tenths_percent(a(5), None), None);
        assert_eq!(tenths_percent_text(-30), "-3.0");
        assert_eq!(tenths_percent_text(125), "12.5");
    }
}
