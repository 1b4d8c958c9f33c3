//! The development-value forecast (KAM-SPEC §6, document 002): before an account is
//! developed, its expected sales and profit are set against what developing it costs
//! and the risk that it fails; the account is worth developing only when the net value
//! is positive. Every figure is an exact `Amount` in hundredths.

use serde::{Deserialize, Serialize};

use crate::domain::plan::facts::Amount;

/// What developing an account is expected to bring and cost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Forecast {
    /// 预计销售额
    #[serde(skip_serializing_if = "is_zero")]
    pub expected_sales: Amount,
    /// 预计利润
    #[serde(skip_serializing_if = "is_zero")]
    pub expected_profit: Amount,
    /// 管理费用
    #[serde(skip_serializing_if = "is_zero")]
    pub management_cost: Amount,
    /// 差旅费用
    #[serde(skip_serializing_if = "is_zero")]
    pub travel_cost: Amount,
    /// The chance, in percent (0–100), that the development fails (风险系数).
    #[serde(skip_serializing_if = "is_zero_percent")]
    pub risk_percent: u32,
    /// 开发费用
    #[serde(skip_serializing_if = "is_zero")]
    pub development_cost: Amount,
}

fn is_zero(a: &Amount) -> bool {
    a.0 == 0
}

fn is_zero_percent(p: &u32) -> bool {
    *p == 0
}

/// Whether the account is worth developing, with the net value that decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The net value is above zero.
    Worth { net: Amount },
    /// The net value is zero or below: developing it would at best break even.
    NotWorth { net: Amount },
}

impl Verdict {
    pub fn is_worth(self) -> bool {
        matches!(self, Verdict::Worth { .. })
    }

    pub fn net(self) -> Amount {
        match self {
            Verdict::Worth { net } | Verdict::NotWorth { net } => net,
        }
    }
}

/// One of the costs of a forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cost {
    Management,
    Travel,
    Development,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForecastProblem {
    NegativeSales,
    NegativeCost(Cost),
    RiskOver100,
    /// Profit cannot be more than the sales it is made on.
    ProfitAboveSales,
}

/// An i128 brought back to an amount; figures beyond an i64 saturate (no forecast
/// reaches them, and a saturated figure still has the right sign).
fn saturate(value: i128) -> Amount {
    Amount(i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX }))
}

impl Forecast {
    /// The risk, read as at most 100% (a stored figure above it counts as certain
    /// failure until the user corrects it).
    fn risk(&self) -> i128 {
        i128::from(self.risk_percent.min(100))
    }

    /// The profit weighed by the chance of success: profit × (100 − risk) / 100, rounded
    /// down to the hundredth, so the forecast never promises a fraction more than the
    /// figures give (and a loss is never made smaller).
    pub fn risk_adjusted_profit(&self) -> Amount {
        let scaled = i128::from(self.expected_profit.0) * (100 - self.risk());
        saturate(scaled.div_euclid(100))
    }

    /// The costs of developing the account: management, travel and development.
    pub fn total_cost(&self) -> Amount {
        saturate(
            i128::from(self.management_cost.0)
                + i128::from(self.travel_cost.0)
                + i128::from(self.development_cost.0),
        )
    }

    /// Risk-adjusted profit less the costs. The verdict is taken on this rounded figure,
    /// so it always agrees with the net value shown.
    pub fn net_value(&self) -> Amount {
        saturate(i128::from(self.risk_adjusted_profit().0) - i128::from(self.total_cost().0))
    }

    /// Worth developing when the net value is above zero; breaking even is not enough.
    pub fn verdict(&self) -> Verdict {
        let net = self.net_value();
        if net.0 > 0 {
            Verdict::Worth { net }
        } else {
            Verdict::NotWorth { net }
        }
    }

    /// Profit over sales in tenths of a percent, rounded half away from zero; none
    /// without positive sales.
    pub fn margin_tenths_percent(&self) -> Option<i64> {
        let (profit, sales) = (
            i128::from(self.expected_profit.0),
            i128::from(self.expected_sales.0),
        );
        if sales <= 0 {
            return None;
        }
        let rounded = (profit.abs() * 2000 + sales) / (2 * sales);
        i64::try_from(if profit < 0 { -rounded } else { rounded }).ok()
    }

    pub fn problems(&self) -> Vec<ForecastProblem> {
        let mut problems = Vec::new();
        if self.expected_sales.0 < 0 {
            problems.push(ForecastProblem::NegativeSales);
        }
        for (cost, amount) in [
            (Cost::Management, self.management_cost),
            (Cost::Travel, self.travel_cost),
            (Cost::Development, self.development_cost),
        ] {
            if amount.0 < 0 {
                problems.push(ForecastProblem::NegativeCost(cost));
            }
        }
        if self.risk_percent > 100 {
            problems.push(ForecastProblem::RiskOver100);
        }
        if self.expected_profit > self.expected_sales {
            problems.push(ForecastProblem::ProfitAboveSales);
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A forecast in whole units of money.
    fn forecast(sales: i64, profit: i64, costs: [i64; 3], risk_percent: u32) -> Forecast {
        let [management, travel, development] = costs.map(|c| Amount(c * 100));
        Forecast {
            expected_sales: Amount(sales * 100),
            expected_profit: Amount(profit * 100),
            management_cost: management,
            travel_cost: travel,
            risk_percent,
            development_cost: development,
        }
    }

    #[test]
    fn net_value_is_risk_weighed_profit_less_the_costs() {
        // 200,000 × 70% = 140,000; less 20,000 + 15,000 + 45,000 = 60,000.
        let f = forecast(1_000_000, 200_000, [20_000, 15_000, 45_000], 30);
        assert_eq!(f.risk_adjusted_profit(), Amount(14_000_000));
        assert_eq!(f.total_cost(), Amount(8_000_000));
        assert_eq!(f.net_value(), Amount(6_000_000));
        assert_eq!(
            f.verdict(),
            Verdict::Worth {
                net: Amount(6_000_000)
            }
        );
        assert!(f.verdict().is_worth());
    }

    #[test]
    fn an_account_that_only_breaks_even_is_not_worth_developing() {
        let even = forecast(1_000_000, 200_000, [40_000, 20_000, 40_000], 50);
        assert_eq!(even.net_value(), Amount(0));
        assert_eq!(even.verdict(), Verdict::NotWorth { net: Amount(0) });
        let one_cent_more = Forecast {
            development_cost: Amount(even.development_cost.0 - 1),
            ..even
        };
        assert_eq!(one_cent_more.verdict(), Verdict::Worth { net: Amount(1) });
        let one_cent_less = Forecast {
            development_cost: Amount(even.development_cost.0 + 1),
            ..even
        };
        assert_eq!(
            one_cent_less.verdict(),
            Verdict::NotWorth { net: Amount(-1) }
        );
        assert_eq!(one_cent_less.verdict().net(), Amount(-1));
    }

    #[test]
    fn risk_weighed_profit_is_rounded_down_to_the_hundredth() {
        // 0.99 × 67% = 0.6633 → 0.66; a loss of 0.99 × 67% = −0.6633 → −0.67.
        let f = Forecast {
            expected_profit: Amount(99),
            risk_percent: 33,
            ..Forecast::default()
        };
        assert_eq!(f.risk_adjusted_profit(), Amount(66));
        let loss = Forecast {
            expected_profit: Amount(-99),
            ..f
        };
        assert_eq!(loss.risk_adjusted_profit(), Amount(-67));
        // A net of a fraction of a hundredth is shown, and judged, as zero.
        let tiny = Forecast {
            expected_profit: Amount(1),
            risk_percent: 1,
            ..Forecast::default()
        };
        assert_eq!(tiny.verdict(), Verdict::NotWorth { net: Amount(0) });
    }

    #[test]
    fn certain_failure_leaves_only_the_costs() {
        let f = forecast(1_000_000, 200_000, [1, 2, 3], 100);
        assert_eq!(f.net_value(), Amount(-600));
        // A stored risk above 100% counts as 100% and is a problem.
        let over = Forecast {
            risk_percent: 250,
            ..f
        };
        assert_eq!(over.net_value(), Amount(-600));
        assert_eq!(over.problems(), vec![ForecastProblem::RiskOver100]);
        let none = forecast(1_000_000, 200_000, [0, 0, 0], 0);
        assert_eq!(none.net_value(), Amount(20_000_000));
    }

    #[test]
    fn the_margin_is_profit_over_sales_in_tenths_of_a_percent() {
        assert_eq!(
            forecast(1_000, 125, [0; 3], 0).margin_tenths_percent(),
            Some(125)
        );
        // 1/3 = 33.33…% → 33.3; 2/3 = 66.66…% → 66.7; a loss rounds away from zero too.
        assert_eq!(forecast(3, 1, [0; 3], 0).margin_tenths_percent(), Some(333));
        assert_eq!(forecast(3, 2, [0; 3], 0).margin_tenths_percent(), Some(667));
        assert_eq!(
            forecast(3, -2, [0; 3], 0).margin_tenths_percent(),
            Some(-667)
        );
        assert_eq!(forecast(0, 10, [0; 3], 0).margin_tenths_percent(), None);
        assert_eq!(forecast(-5, 10, [0; 3], 0).margin_tenths_percent(), None);
    }

    #[test]
    fn a_forecast_says_what_is_wrong() {
        assert_eq!(forecast(100, 100, [0; 3], 100).problems(), vec![]);
        assert_eq!(forecast(100, -50, [0; 3], 0).problems(), vec![]);
        assert_eq!(
            forecast(-1, 10, [-1, 0, -3], 101).problems(),
            vec![
                ForecastProblem::NegativeSales,
                ForecastProblem::NegativeCost(Cost::Management),
                ForecastProblem::NegativeCost(Cost::Development),
                ForecastProblem::RiskOver100,
                ForecastProblem::ProfitAboveSales,
            ]
        );
        assert_eq!(
            forecast(0, 0, [0, -1, 0], 0).problems(),
            vec![ForecastProblem::NegativeCost(Cost::Travel)]
        );
    }

    #[test]
    fn extreme_figures_saturate_instead_of_overflowing() {
        let f = Forecast {
            expected_profit: Amount(i64::MIN),
            management_cost: Amount(i64::MAX),
            travel_cost: Amount(i64::MAX),
            ..Forecast::default()
        };
        assert_eq!(f.total_cost(), Amount(i64::MAX));
        assert_eq!(f.net_value(), Amount(i64::MIN));
        assert!(!f.verdict().is_worth());
    }

    #[test]
    fn a_forecast_stores_only_its_filled_figures() {
        let f = Forecast {
            expected_sales: Amount(100),
            risk_percent: 20,
            ..Forecast::default()
        };
        let text = serde_json::to_string(&f).expect("json");
        assert_eq!(text, r#"{"expected_sales":100,"risk_percent":20}"#);
        assert_eq!(serde_json::from_str::<Forecast>(&text).ok(), Some(f));
    }
}
