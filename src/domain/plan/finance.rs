//! Figures of a plan: the customer's last three years (revenue, profit, category budget)
//! with growth, our share of the customer's wallet, and the revenue plan (targets and
//! actuals for sales, revenue, margin and profit per year or quarter) with variance.

use serde::{Deserialize, Serialize};

use super::facts::{growth_tenths_percent, Amount};

/// One year of the customer's finances.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FinanceYear {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profit: Option<Amount>,
    /// Their budget for our category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_budget: Option<Amount>,
}

impl FinanceYear {
    pub fn is_filled(&self) -> bool {
        self.revenue.is_some() || self.profit.is_some() || self.category_budget.is_some()
    }
}

/// Which figure of a finance year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinanceFigure {
    Revenue,
    Profit,
    CategoryBudget,
}

impl FinanceYear {
    pub fn figure(&self, figure: FinanceFigure) -> Option<Amount> {
        match figure {
            FinanceFigure::Revenue => self.revenue,
            FinanceFigure::Profit => self.profit,
            FinanceFigure::CategoryBudget => self.category_budget,
        }
    }
}

/// Sets one figure of one year, adding the year when needed (years stay in order) and
/// dropping a year left with no figures.
pub fn set_figure(
    years: &mut Vec<FinanceYear>,
    year: i32,
    figure: FinanceFigure,
    value: Option<Amount>,
) {
    if !years.iter().any(|y| y.year == year) {
        years.push(FinanceYear {
            year,
            ..FinanceYear::default()
        });
        years.sort_by_key(|y| y.year);
    }
    if let Some(entry) = years.iter_mut().find(|y| y.year == year) {
        match figure {
            FinanceFigure::Revenue => entry.revenue = value,
            FinanceFigure::Profit => entry.profit = value,
            FinanceFigure::CategoryBudget => entry.category_budget = value,
        }
    }
    years.retain(FinanceYear::is_filled);
}

/// The three years ending with `last_year`, in order, filled from `years` where given.
pub fn three_years(years: &[FinanceYear], last_year: i32) -> [FinanceYear; 3] {
    [last_year - 2, last_year - 1, last_year].map(|year| {
        years
            .iter()
            .find(|y| y.year == year)
            .cloned()
            .unwrap_or(FinanceYear {
                year,
                ..FinanceYear::default()
            })
    })
}

/// Growth of `figure` in `year` over the year before, in tenths of a percent.
pub fn year_growth(years: &[FinanceYear], year: i32, figure: FinanceFigure) -> Option<i64> {
    let of = |y: i32| {
        years
            .iter()
            .find(|f| f.year == y)
            .and_then(|f| f.figure(figure))
    };
    growth_tenths_percent(year.checked_sub(1).and_then(of), of(year))
}

/// Our sales to the customer over the customer's total spend in our category, in tenths
/// of a percent; none without both figures or with a total that is not positive.
pub fn share_of_wallet(our_sales: Option<Amount>, total_spend: Option<Amount>) -> Option<i64> {
    let (ours, total) = (our_sales?.0, total_spend?.0);
    if total <= 0 || ours < 0 {
        return None;
    }
    // Wide enough for any two amounts; a share too large for an i64 is none.
    let (ours, total) = (i128::from(ours), i128::from(total));
    i64::try_from((ours * 2000 + total) / (2 * total)).ok()
}

/// A figure of the revenue plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    Sales,
    Revenue,
    Margin,
    Profit,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::Sales,
        Metric::Revenue,
        Metric::Margin,
        Metric::Profit,
    ];
}

/// Target and actual of one figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetActual {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Amount>,
}

impl TargetActual {
    /// Actual minus target.
    pub fn variance(&self) -> Option<Amount> {
        Some(Amount(self.actual?.0 - self.target?.0))
    }

    /// The variance over the target's size, in tenths of a percent (none for a zero
    /// target): positive is better than planned, also for a planned loss.
    pub fn variance_tenths_percent(&self) -> Option<i64> {
        let target = self.target?.0;
        if target == 0 {
            return None;
        }
        let diff = self.variance()?.0 * 1000;
        let rounded = (diff.abs() * 2 + target.abs()) / (2 * target.abs());
        Some(if diff < 0 { -rounded } else { rounded })
    }
}

/// One line of the revenue plan: a year, or a quarter of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RevenueLine {
    pub year: i32,
    /// 1–4, or none for the whole year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
    pub sales: TargetActual,
    pub revenue: TargetActual,
    pub margin: TargetActual,
    pub profit: TargetActual,
}

impl RevenueLine {
    pub fn metric(&self, metric: Metric) -> &TargetActual {
        match metric {
            Metric::Sales => &self.sales,
            Metric::Revenue => &self.revenue,
            Metric::Margin => &self.margin,
            Metric::Profit => &self.profit,
        }
    }

    pub fn metric_mut(&mut self, metric: Metric) -> &mut TargetActual {
        match metric {
            Metric::Sales => &mut self.sales,
            Metric::Revenue => &mut self.revenue,
            Metric::Margin => &mut self.margin,
            Metric::Profit => &mut self.profit,
        }
    }

    pub fn has_target(&self) -> bool {
        Metric::ALL.iter().any(|m| self.metric(*m).target.is_some())
    }
}

/// Lines in order: by year, the whole year before its quarters.
pub fn sort_revenue_lines(lines: &mut [RevenueLine]) {
    lines.sort_by_key(|l| (l.year, l.quarter.unwrap_or(0)));
}

/// The years a revenue plan takes: four digits, within reason.
pub const REVENUE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A year as the user types it ("2027", " 2027 "); none for anything else.
pub fn parse_revenue_year(text: &str) -> Option<i32> {
    let text = text.trim();
    if text.len() != 4 || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| REVENUE_YEARS.contains(y))
}

/// Where the line for `year` (or one quarter of it) is.
pub fn revenue_line_index(lines: &[RevenueLine], year: i32, quarter: Option<u8>) -> Option<usize> {
    lines
        .iter()
        .position(|l| l.year == year && l.quarter == quarter)
}

/// Adds an empty line for `year`, or for one quarter (1–4) of it, keeping the lines in
/// order. A period has one line only: false (and nothing added) when it is there already
/// or the quarter does not exist. A quarter needs no line for its whole year.
pub fn add_revenue_line(lines: &mut Vec<RevenueLine>, year: i32, quarter: Option<u8>) -> bool {
    if quarter.is_some_and(|q| !(1..=4).contains(&q))
        || revenue_line_index(lines, year, quarter).is_some()
    {
        return false;
    }
    lines.push(RevenueLine {
        year,
        quarter,
        ..RevenueLine::default()
    });
    sort_revenue_lines(lines);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(v: i64) -> Option<Amount> {
        Some(Amount(v * 100))
    }

    #[test]
    fn growth_is_computed_year_over_year_for_each_figure() {
        let years = vec![
            FinanceYear {
                year: 2024,
                revenue: amount(1000),
                profit: amount(100),
                category_budget: None,
            },
            FinanceYear {
                year: 2025,
                revenue: amount(1100),
                profit: amount(90),
                category_budget: amount(50),
            },
        ];
        assert_eq!(year_growth(&years, 2025, FinanceFigure::Revenue), Some(100));
        assert_eq!(year_growth(&years, 2025, FinanceFigure::Profit), Some(-100));
        assert_eq!(
            year_growth(&years, 2025, FinanceFigure::CategoryBudget),
            None
        );
        assert_eq!(year_growth(&years, 2024, FinanceFigure::Revenue), None);
        let shown = three_years(&years, 2026);
        assert_eq!(
            shown.iter().map(|y| y.year).collect::<Vec<_>>(),
            vec![2024, 2025, 2026]
        );
        assert!(!shown[2].is_filled());
        assert_eq!(shown[1].revenue, amount(1100));
    }

    #[test]
    fn setting_a_figure_adds_its_year_in_order_and_an_emptied_year_goes() {
        let mut years = Vec::new();
        set_figure(&mut years, 2025, FinanceFigure::Revenue, amount(10));
        set_figure(&mut years, 2023, FinanceFigure::Profit, amount(2));
        assert_eq!(
            years.iter().map(|y| y.year).collect::<Vec<_>>(),
            vec![2023, 2025]
        );
        set_figure(&mut years, 2023, FinanceFigure::Profit, None);
        assert_eq!(years.len(), 1);
        assert_eq!(years[0].revenue, amount(10));
    }

    #[test]
    fn share_of_wallet_is_our_sales_over_the_customers_total_spend() {
        assert_eq!(share_of_wallet(amount(300), amount(1200)), Some(250));
        assert_eq!(share_of_wallet(amount(1), amount(3)), Some(333));
        assert_eq!(share_of_wallet(amount(2), amount(3)), Some(667));
        assert_eq!(share_of_wallet(amount(0), amount(3)), Some(0));
        // More than all of it is possible when figures come from different sources.
        assert_eq!(share_of_wallet(amount(150), amount(100)), Some(1500));
        assert_eq!(share_of_wallet(amount(1), amount(0)), None);
        assert_eq!(share_of_wallet(None, amount(10)), None);
        assert_eq!(share_of_wallet(amount(-1), amount(10)), None);
    }

    #[test]
    fn variance_is_actual_minus_target_and_its_share_of_the_target() {
        let line = TargetActual {
            target: amount(200),
            actual: amount(150),
        };
        assert_eq!(line.variance(), amount(-50));
        assert_eq!(line.variance_tenths_percent(), Some(-250));
        let over = TargetActual {
            target: amount(200),
            actual: amount(230),
        };
        assert_eq!(over.variance_tenths_percent(), Some(150));
        // A loss target beaten: -100 planned, -50 actual is 50% better.
        let loss = TargetActual {
            target: amount(-100),
            actual: amount(-50),
        };
        assert_eq!(loss.variance(), amount(50));
        assert_eq!(loss.variance_tenths_percent(), Some(500));
        let open = TargetActual {
            target: amount(10),
            actual: None,
        };
        assert_eq!(open.variance(), None);
        let zero = TargetActual {
            target: amount(0),
            actual: amount(5),
        };
        assert_eq!(zero.variance_tenths_percent(), None);
    }

    #[test]
    fn revenue_lines_sort_by_year_with_the_year_before_its_quarters() {
        let line = |year, quarter| RevenueLine {
            year,
            quarter,
            ..RevenueLine::default()
        };
        let mut lines = vec![
            line(2027, Some(2)),
            line(2026, None),
            line(2027, None),
            line(2027, Some(1)),
        ];
        sort_revenue_lines(&mut lines);
        let keys: Vec<_> = lines.iter().map(|l| (l.year, l.quarter)).collect();
        assert_eq!(
            keys,
            vec![(2026, None), (2027, None), (2027, Some(1)), (2027, Some(2))]
        );
    }

    #[test]
    fn a_revenue_period_is_added_once_and_in_order() {
        let mut lines = Vec::new();
        assert!(add_revenue_line(&mut lines, 2027, None));
        assert!(add_revenue_line(&mut lines, 2027, Some(2)));
        assert!(add_revenue_line(&mut lines, 2026, None));
        assert!(add_revenue_line(&mut lines, 2027, Some(1)));
        // A quarter without its year's line is fine.
        assert!(add_revenue_line(&mut lines, 2028, Some(4)));
        assert!(!add_revenue_line(&mut lines, 2027, Some(2)));
        assert!(!add_revenue_line(&mut lines, 2026, None));
        assert!(!add_revenue_line(&mut lines, 2029, Some(5)));
        assert!(!add_revenue_line(&mut lines, 2029, Some(0)));
        let keys: Vec<_> = lines.iter().map(|l| (l.year, l.quarter)).collect();
        assert_eq!(
            keys,
            vec![
                (2026, None),
                (2027, None),
                (2027, Some(1)),
                (2027, Some(2)),
                (2028, Some(4))
            ]
        );
        assert_eq!(revenue_line_index(&lines, 2027, Some(1)), Some(2));
        assert_eq!(revenue_line_index(&lines, 2028, None), None);
    }

    #[test]
    fn a_revenue_year_is_four_digits_within_reason() {
        assert_eq!(parse_revenue_year("2027"), Some(2027));
        assert_eq!(parse_revenue_year(" 2027 "), Some(2027));
        assert_eq!(parse_revenue_year("27"), None);
        assert_eq!(parse_revenue_year("20270"), None);
        assert_eq!(parse_revenue_year("+202"), None);
        assert_eq!(parse_revenue_year("２０２７"), None);
        assert_eq!(parse_revenue_year("1899"), None);
        assert_eq!(parse_revenue_year("2200"), Some(2200));
        assert_eq!(parse_revenue_year(""), None);
    }
}
