//! The trainers' demo: a fictional automotive data set (KAM-SPEC §2.3.2's example) that
//! exercises every feature — three segments, size bands, ownership types, complete
//! scores with notes, every tier, failed screening, a tier override, a pyramid-level
//! override and account plans (`demo_plans`). Deterministic, so every workshop sees the
//! same picture.

use super::account::{Account, Ownership, Relationship, SizeBand};
use super::demo_plans::StartedPlan;
use super::plan::PlanDoc;
use super::pyramid::{Level, LevelOverride};
use super::scoring::Score;
use super::screening::{Answer, Gate};
use super::text::Language;
use super::tiering::{Tier, TierOverride};
use super::workspace::Workspace;

/// How many accounts the demo holds.
pub const DEMO_SIZE: usize = 40;

/// The account (by index) with the plan worked through: a large vehicle group, a customer.
pub const WORKED_PLAN: usize = 0;

/// Its scores on criteria 1–8 of the default model: attractiveness 9.8 (growth, budget,
/// reputation, near us), feasibility 8.5 (the incumbent competitor holds criterion 6 at 7).
const WORKED_SCORES: [u8; 8] = [10, 10, 9, 10, 9, 7, 9, 10];

/// The accounts (by index) with a plan only started, and the kind of plan their tier
/// calls for: a customer in tier 2 (central purchasing next year) and one in tier 1.
const STARTED_PLANS: [(usize, StartedPlan); 2] =
    [(1, StartedPlan::ServeEfficiently), (21, StartedPlan::Grow)];

struct Words {
    segments: [&'static str; 3],
    places: [&'static str; 14],
    stems: [[&'static str; 5]; 3],
    suffix: &'static str,
    contacts: [&'static str; 6],
    positions: [&'static str; 4],
    growth_note: &'static str,
    budget_note: &'static str,
    incumbent_note: &'static str,
    failed_note: &'static str,
    override_reason: &'static str,
    level_reason: &'static str,
    products: [&'static str; 3],
    /// The notes on the scores of the account with the worked plan, criteria 1–8.
    worked_notes: [&'static str; 8],
}

const ZH: Words = Words {
    segments: ["整车制造", "汽车零部件", "汽车经销与服务"],
    places: [
        "华东", "江南", "北方", "西部", "中原", "东海", "滨江", "南湖", "临港", "远航", "青山",
        "金桥", "长河", "云岭",
    ],
    stems: [
        ["汽车集团", "新能源汽车", "商用车", "客车", "专用车"],
        ["动力科技", "底盘系统", "汽车电子", "座椅系统", "精密部件"],
        [
            "汽车销售服务",
            "汽车租赁",
            "二手车交易",
            "汽车维修连锁",
            "汽车金融服务",
        ],
    ],
    suffix: "有限公司（示例）",
    contacts: ["王明", "李娜", "张伟", "刘洋", "陈静", "赵磊"],
    positions: ["信息部总监", "采购经理", "副总经理", "首席信息官"],
    growth_note: "近三年营收年均增长约 12%（示例数据）",
    budget_note: "今年信息化预算明显增加（示例数据）",
    incumbent_note: "竞争对手已服务多年，与决策层关系密切（示例数据）",
    failed_note: "经济分析显示在现有价格下无法盈利（示例数据）",
    override_reason: "集团总部指定的战略试点客户（示例）",
    level_reason: "明年将集中采购，提前按重点客户服务（示例）",
    products: ["整车", "零部件", "销售与售后服务"],
    worked_notes: [
        "近三年营收年均增长约 12%，利润稳定（示例数据）",
        "座舱电子预算每年增加约 11%（示例数据）",
        "华东地区销量前三，管理团队稳定（示例数据）",
        "总部距我方华东办事处半小时车程（示例数据）",
        "2021 年起合作，目前供应两条产线（示例数据）",
        "竞争对手甲已供货五年、价格更低，但交付不稳定（示例数据）",
        "副总经理愿意听取方案，信息部总监支持我们（示例数据）",
        "座舱电子和软件升级是我方的核心能力（示例数据）",
    ],
};

const EN: Words = Words {
    segments: ["Vehicle makers", "Auto parts", "Dealers & services"],
    places: [
        "Eastbay",
        "Riverton",
        "Northfield",
        "Westmoor",
        "Midland",
        "Seaview",
        "Lakeside",
        "Harbour",
        "Greenhill",
        "Goldbridge",
        "Longriver",
        "Cloudpeak",
        "Redstone",
        "Brookfield",
    ],
    stems: [
        [
            "Motor Group",
            "EV Motors",
            "Trucks",
            "Coaches",
            "Special Vehicles",
        ],
        [
            "Powertrain",
            "Chassis Systems",
            "Auto Electronics",
            "Seating",
            "Precision Parts",
        ],
        [
            "Auto Sales",
            "Car Rental",
            "Used Cars",
            "Service Chain",
            "Auto Finance",
        ],
    ],
    suffix: "Co. (demo)",
    contacts: [
        "Wang Ming",
        "Li Na",
        "Zhang Wei",
        "Liu Yang",
        "Chen Jing",
        "Zhao Lei",
    ],
    positions: [
        "IT Director",
        "Purchasing Manager",
        "Deputy General Manager",
        "CIO",
    ],
    growth_note: "Revenue up about 12% a year for three years (demo data)",
    budget_note: "IT budget clearly up this year (demo data)",
    incumbent_note: "A competitor has served them for years and is close to management (demo data)",
    failed_note: "Not profitable at current prices on economic analysis (demo data)",
    override_reason: "Named a strategic pilot by group headquarters (demo)",
    level_reason: "Central purchasing starts next year: served as key already (demo)",
    products: ["Vehicles", "Components", "Sales and after-sales service"],
    worked_notes: [
        "Revenue up about 12% a year for three years, steady profit (demo data)",
        "Cockpit electronics budget up about 11% a year (demo data)",
        "A top-three vehicle group in East China, stable management (demo data)",
        "Head office half an hour from our East China office (demo data)",
        "Customer since 2021; we supply two lines (demo data)",
        "Competitor A has supplied for five years at lower prices, but delivers unreliably (demo data)",
        "The deputy GM listens to our proposals; the IT director backs us (demo data)",
        "Cockpit electronics and software updates are our core competence (demo data)",
    ],
};

/// A small fixed pseudo-random sequence (so the demo is the same everywhere).
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// The demo workspace in `language`, stamped with `now` (ms since the epoch).
pub fn demo_workspace(language: Language, now: i64) -> Workspace {
    let w = match language {
        Language::Zh => &ZH,
        Language::En => &EN,
    };
    let mut ws = Workspace::default();
    // The plans' amounts are in ten thousands of yuan, as Chinese teams count them.
    ws.set_amount_unit(match language {
        Language::Zh => "万元",
        Language::En => "10k CNY",
    });
    let mut seq = Sequence(20_261_122);
    let sizes = [
        SizeBand::Large,
        SizeBand::Medium,
        SizeBand::Medium,
        SizeBand::Small,
        SizeBand::Medium,
    ];
    for i in 0..DEMO_SIZE {
        let segment = i % 3;
        let place = w.places[i % w.places.len()];
        let stem = w.stems[segment][(i / 3) % 5];
        let name = match language {
            Language::Zh => format!("{place}{stem}{}", w.suffix),
            Language::En => format!("{place} {stem} {}", w.suffix),
        };
        let size = sizes[i % sizes.len()];
        // Each account leans somewhere on the matrix; criteria vary around that.
        let (base_a, base_f) = (2 + seq.next(8), 2 + seq.next(8));
        let mut account = Account {
            number: format!("DEMO-{:03}", i + 1),
            name,
            industry: w.segments[segment].to_owned(),
            segment: w.segments[segment].to_owned(),
            ownership: Some(Ownership::ALL[i % 4]),
            size_band: Some(size),
            company_type: w.products[segment].to_owned(),
            contact_person: w.contacts[i % w.contacts.len()].to_owned(),
            position: w.positions[i % w.positions.len()].to_owned(),
            phone: format!("021-5550 {:04}", 100 + i),
            email: format!("contact{:02}@demo.example", i + 1),
            employees: Some(match size {
                SizeBand::Large => 5_000 + 500 * i as u32,
                SizeBand::Medium => 800 + 40 * i as u32,
                SizeBand::Small => 120 + 5 * i as u32,
            }),
            main_products: w.products[segment].to_owned(),
            relationship: if i % 5 < 2 {
                Relationship::Customer
            } else {
                Relationship::Prospect
            },
            ..Account::default()
        };
        for gate in Gate::ALL {
            account.screening.set(gate, Answer::Yes);
        }
        for criterion in 1..=8u32 {
            let base = if criterion <= 4 { base_a } else { base_f };
            let value = (base + seq.next(3)).clamp(1, 10) as u8;
            let note = match criterion {
                1 if value >= 7 => w.growth_note,
                2 if value >= 8 => w.budget_note,
                6 if value <= 3 => w.incumbent_note,
                _ => "",
            };
            account.scores.insert(
                criterion,
                Score {
                    value: Some(value),
                    note: note.to_owned(),
                },
            );
        }
        ws.add_account(account, now);
    }
    // Screening that fails, a manager's tier override and a pyramid-level override.
    for index in [7, 23] {
        if let Some(a) = ws.accounts.get_mut(index) {
            a.screening.set(Gate::Profitable, Answer::No);
            a.screening.note = w.failed_note.to_owned();
        }
    }
    if let Some(a) = ws.accounts.get_mut(12) {
        a.tier_override = TierOverride::new(Tier::Tier1, w.override_reason, now).ok();
    }
    if let Some(a) = ws.accounts.get_mut(1) {
        a.level_override = LevelOverride::new(Some(Level::Key), w.level_reason, now).ok();
    }
    // The worked plan's account: high on both axes, so tier 1 by rule and first in the
    // ranking; the incumbent competitor lowers one feasibility criterion, not the tier.
    if let Some(a) = ws.accounts.get_mut(WORKED_PLAN) {
        for (criterion, (value, note)) in
            (1..=8u32).zip(WORKED_SCORES.into_iter().zip(w.worked_notes))
        {
            a.scores.insert(
                criterion,
                Score {
                    value: Some(value),
                    note: note.to_owned(),
                },
            );
        }
    }
    // Plans: one worked through, two started on accounts where a plan is worth it.
    let today = chrono::DateTime::from_timestamp_millis(now)
        .map(|d| d.date_naive())
        .unwrap_or_default();
    // Writing a plan the demo made cannot fail; were it to, the account has none.
    if let Some(a) = ws.accounts.get_mut(WORKED_PLAN) {
        a.plan = PlanDoc::write(&super::demo_plans::full_plan(language, today))
            .ok()
            .flatten();
    }
    for (index, kind) in STARTED_PLANS {
        if let Some(a) = ws.accounts.get_mut(index) {
            a.plan = PlanDoc::write(&super::demo_plans::started_plan(language, kind))
                .ok()
                .flatten();
        }
    }
    super::demo_engagement::add_demo_engagement(&mut ws, language, now);
    super::demo_development::add_demo_development(&mut ws, language, now);
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Axis;
    use crate::domain::ranking::rank_accounts;
    use crate::domain::scoring::Tenths;
    use crate::domain::tiering::TierBasis;

    #[test]
    fn demo_has_forty_complete_accounts_in_three_segments() {
        for language in [Language::Zh, Language::En] {
            let ws = demo_workspace(language, 0);
            assert_eq!(ws.accounts.len(), DEMO_SIZE);
            assert_eq!(ws.segments().len(), 3);
            let rows = rank_accounts(&ws.accounts, &ws.model, &ws.tiers);
            assert!(
                rows.iter().all(|r| r.assessment.is_complete()),
                "every account fully scored"
            );
            for size in SizeBand::ALL {
                assert!(ws.accounts.iter().any(|a| a.size_band == Some(size)));
            }
            for ownership in [
                Ownership::StateOwned,
                Ownership::JointVenture,
                Ownership::Private,
                Ownership::Foreign,
            ] {
                assert!(ws.accounts.iter().any(|a| a.ownership == Some(ownership)));
            }
            assert!(ws
                .accounts
                .iter()
                .any(|a| a.relationship == Relationship::Customer));
            assert!(ws
                .accounts
                .iter()
                .any(|a| a.relationship == Relationship::Prospect));
        }
    }

    #[test]
    fn demo_shows_every_tier_an_override_and_failed_screening() {
        let ws = demo_workspace(Language::Zh, 0);
        let rows = rank_accounts(&ws.accounts, &ws.model, &ws.tiers);
        for tier in Tier::ALL {
            assert!(
                rows.iter().any(|r| r.assessment.computed == Some(tier)),
                "{tier:?}"
            );
        }
        assert_eq!(rows.iter().filter(|r| r.assessment.overridden).count(), 1);
        assert_eq!(
            rows.iter()
                .filter(|r| matches!(r.assessment.basis, TierBasis::FailedScreening(_)))
                .count(),
            2
        );
        assert!(ws.accounts.iter().any(|a| a.level_override.is_some()));
        // Account plans: one worked through, two started.
        let plans: Vec<u32> = ws
            .accounts
            .iter()
            .filter_map(|a| {
                a.plan
                    .as_ref()
                    .map(|p| p.read().expect("readable").completeness())
            })
            .collect();
        assert_eq!(plans.len(), 3);
        assert!(plans[0] > 50, "{plans:?}");
        assert!(ws
            .accounts
            .iter()
            .any(|a| a.scores.values().any(|s| !s.note.is_empty())));
    }

    #[test]
    fn the_worked_demo_plan_belongs_to_a_tier_one_account() {
        for language in Language::ALL {
            let ws = demo_workspace(language, 0);
            let rows = rank_accounts(&ws.accounts, &ws.model, &ws.tiers);
            let completeness = |a: &Account| {
                a.plan
                    .as_ref()
                    .map_or(0, |p| p.read().expect("readable").completeness())
            };
            let worked = ws
                .accounts
                .iter()
                .max_by_key(|a| completeness(a))
                .expect("accounts");
            assert_eq!(worked.id, ws.accounts[WORKED_PLAN].id);
            assert!(completeness(worked) >= 90, "{language:?}");
            // Tier 1 by rule, not by override, and first in the ranking.
            let row = &rows[0];
            assert_eq!(row.account, worked.id, "{language:?}: ranked first");
            assert_eq!(row.rank, Some(1));
            assert_eq!(row.assessment.computed, Some(Tier::Tier1));
            assert!(!row.assessment.overridden);
            // High on both axes, not just over the line.
            let high = |axis, threshold: Tenths| {
                row.assessment
                    .score(axis)
                    .is_some_and(|s| s.0 >= threshold.0 + 20)
            };
            assert!(high(
                Axis::Attractiveness,
                ws.tiers.thresholds.attractiveness
            ));
            assert!(high(Axis::Feasibility, ws.tiers.thresholds.feasibility));
            // Every score explained; the incumbent competitor is the lowest feasibility
            // criterion, still above the threshold.
            assert!(worked.scores.values().all(|s| !s.note.is_empty()));
            let value = |c: u32| worked.scores.get(&c).and_then(|s| s.value).unwrap_or(0);
            assert!((5..=8).all(|c| value(6) <= value(c)));
            assert!(u32::from(value(6)) * 10 >= ws.tiers.thresholds.feasibility.0);
            // A customer we already supply, large, as the plan's story says.
            assert_eq!(worked.relationship, Relationship::Customer);
            assert_eq!(worked.size_band, Some(SizeBand::Large));
        }
    }

    #[test]
    fn demo_plans_are_only_where_a_plan_is_worth_making() {
        for language in Language::ALL {
            let ws = demo_workspace(language, 0);
            let rows = rank_accounts(&ws.accounts, &ws.model, &ws.tiers);
            for (index, kind) in STARTED_PLANS {
                let account = &ws.accounts[index];
                let row = rows
                    .iter()
                    .find(|r| r.account == account.id)
                    .expect("ranked");
                let tier = match kind {
                    StartedPlan::Grow => Tier::Tier1,
                    StartedPlan::ServeEfficiently => Tier::Tier2,
                };
                assert_eq!(row.assessment.effective, Some(tier), "{language:?} {index}");
                assert_eq!(row.assessment.basis, TierBasis::Scores);
                let plan = account
                    .plan
                    .as_ref()
                    .expect("a plan")
                    .read()
                    .expect("reads");
                assert_eq!(plan, super::super::demo_plans::started_plan(language, kind));
            }
            // No plan on an account the method says not to pursue.
            for row in &rows {
                let account = ws
                    .accounts
                    .iter()
                    .find(|a| a.id == row.account)
                    .expect("there");
                if account.plan.is_some() {
                    assert!(
                        matches!(row.assessment.effective, Some(Tier::Tier1 | Tier::Tier2)),
                        "{language:?} {}",
                        account.name
                    );
                }
            }
        }
    }

    #[test]
    fn the_demo_speaks_only_the_language_it_was_built_in() {
        let cjk = |c: char| {
            ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        };
        let en = demo_workspace(Language::En, 0);
        for account in &en.accounts {
            let text = serde_json::to_string(account).expect("serialises");
            assert!(!text.chars().any(cjk), "{text}");
        }
        let zh = demo_workspace(Language::Zh, 0);
        for account in &zh.accounts {
            let text = serde_json::to_string(account).expect("serialises");
            assert!(!text.contains("(demo"), "{text}");
            assert!(text.contains("（示例"));
        }
    }

    #[test]
    fn demo_amounts_name_their_unit_in_each_language() {
        assert_eq!(demo_workspace(Language::Zh, 0).amount_unit, "万元");
        assert_eq!(demo_workspace(Language::En, 0).amount_unit, "10k CNY");
    }

    #[test]
    fn demo_is_the_same_every_time_and_clearly_fictional() {
        assert_eq!(
            demo_workspace(Language::En, 5),
            demo_workspace(Language::En, 5)
        );
        let ws = demo_workspace(Language::En, 0);
        assert!(ws
            .accounts
            .iter()
            .all(|a| a.name.contains("(demo)") && a.email.ends_with("demo.example")));
        let zh = demo_workspace(Language::Zh, 0);
        assert!(zh.accounts.iter().all(|a| a.name.contains("（示例）")));
    }
}
