//! Account plans for the trainers' demo: one plan worked through in every section and
//! two started ones, so a workshop can show completeness, facts due for refresh, the
//! power map's warnings and an overdue action. Dates are relative to the day the demo
//! is loaded, so the picture stays the same whenever it is shown.

use chrono::{Days, NaiveDate};

use super::plan::facts::{Amount, Fact, InfoLevel};
use super::plan::finance::{FinanceYear, RevenueLine, TargetActual};
use super::plan::people::{Attitude, BuyingRole, Person, RelationshipLevel};
use super::plan::strategy::{Action, ActionStatus, Objective, ObjectiveStatus};
use super::plan::{
    AccountPlan, Competitor, Grade, Ladder, Lifecycle, Need, NeedHorizon, Preference, Swot,
};
use super::text::Language;

struct PlanWords {
    summary: &'static str,
    goals: &'static str,
    report: &'static str,
    market: &'static str,
    news: &'static str,
    news_source: &'static str,
    vendors: &'static str,
    swot: [&'static str; 4],
    needs: [&'static str; 3],
    people: [(&'static str, &'static str, &'static str); 4],
    owners: [&'static str; 2],
    competitor: [&'static str; 4],
    history: &'static str,
    supply: &'static str,
    health: &'static str,
    step_industry: &'static str,
    vision: &'static str,
    objective: [&'static str; 3],
    actions: [&'static str; 3],
    started_summary: &'static str,
}

const ZH: PlanWords = PlanWords {
    summary: "三年内从普通供应商发展为该集团座舱电子的首选合作伙伴（示例）。",
    goals: "2028 年新能源车型销量占比达到 50%（示例）",
    report: "集团年报（示例）",
    market: "华东地区销量前三的整车集团（示例）",
    news: "新建智能座舱研发中心，明年投入使用（示例）",
    news_source: "采购经理（示例）",
    vendors: "两家国际供应商，一家本地供应商（示例）",
    swot: [
        "品牌强，资金充足（示例）",
        "决策链长，流程慢（示例）",
        "新能源平台全面升级（示例）",
        "价格战压缩利润（示例）",
    ],
    needs: [
        "缩短新车型开发周期（示例）",
        "降低座舱系统总成本（示例）",
        "软件升级能力（隐性需求，示例）",
    ],
    people: [
        ("周总（示例）", "副总经理", "总经理办公室"),
        ("王明（示例）", "信息部总监", "信息部"),
        ("孙工（示例）", "首席工程师", "研发中心"),
        ("钱经理（示例）", "采购经理", "采购部"),
    ],
    owners: ["我方总经理", "我方客户经理"],
    competitor: [
        "竞争对手甲（示例）",
        "已供货五年，价格低（示例）",
        "交付不稳定，服务响应慢（示例）",
        "与采购部关系密切（示例）",
    ],
    history: "2021 年首次合作，目前供应两条产线（示例）",
    supply: "座舱电子控制器与现场服务（示例）",
    health: "客户认可技术支持，但希望响应更快（示例）",
    step_industry: "整车行业向新能源转型，座舱电子需求年增 20%（示例）",
    vision: "成为该集团座舱电子的首选合作伙伴（示例）",
    objective: ["赢得 2027 新平台座舱项目（示例）", "项目定点", "1 个平台"],
    actions: [
        "组织技术交流会（示例）",
        "提交平台方案初稿（示例）",
        "安排高层互访（示例）",
    ],
    started_summary: "巩固现有业务，寻找第二条产品线的机会（示例）。",
};

const EN: PlanWords = PlanWords {
    summary: "Within three years, grow from an ordinary supplier to the group's preferred partner for cockpit electronics (demo).",
    goals: "EVs to reach 50% of sales by 2028 (demo)",
    report: "Group annual report (demo)",
    market: "A top-three vehicle group in East China (demo)",
    news: "New smart-cockpit R&D centre opening next year (demo)",
    news_source: "Purchasing manager (demo)",
    vendors: "Two international suppliers and one local (demo)",
    swot: [
        "Strong brand, well funded (demo)",
        "Long decision chain, slow process (demo)",
        "Complete renewal of the EV platforms (demo)",
        "Price war squeezing margins (demo)",
    ],
    needs: [
        "Shorter development time for new models (demo)",
        "Lower total cost of the cockpit system (demo)",
        "Software update capability (implicit, demo)",
    ],
    people: [
        ("Mr Zhou (demo)", "Deputy General Manager", "General management"),
        ("Wang Ming (demo)", "IT Director", "IT"),
        ("Sun Gang (demo)", "Chief Engineer", "R&D centre"),
        ("Ms Qian (demo)", "Purchasing Manager", "Purchasing"),
    ],
    owners: ["Our managing director", "Our account manager"],
    competitor: [
        "Competitor A (demo)",
        "Supplying for five years at a low price (demo)",
        "Unreliable delivery, slow service (demo)",
        "Close to the purchasing department (demo)",
    ],
    history: "First order in 2021; we now supply two lines (demo)",
    supply: "Cockpit electronic controllers and field service (demo)",
    health: "They value our engineering support but want faster answers (demo)",
    step_industry: "Vehicle makers are moving to EVs; cockpit electronics demand grows 20% a year (demo)",
    vision: "The group's preferred partner for cockpit electronics (demo)",
    objective: [
        "Win the cockpit of the 2027 platform (demo)",
        "Platform awarded",
        "1 platform",
    ],
    actions: [
        "Hold a technical exchange day (demo)",
        "Submit the first platform proposal (demo)",
        "Arrange an executive visit (demo)",
    ],
    started_summary: "Secure the current business and look for a second product line (demo).",
};

fn fact(text: &str, level: InfoLevel, source: &str, date: NaiveDate) -> Fact {
    Fact {
        text: text.to_owned(),
        level: Some(level),
        source: source.to_owned(),
        date: Some(date),
    }
}

fn amount(whole: i64) -> Option<Amount> {
    Some(Amount(whole * 100))
}

fn person(id: u32, words: (&str, &str, &str)) -> Person {
    Person {
        id,
        name: words.0.to_owned(),
        title: words.1.to_owned(),
        department: words.2.to_owned(),
        ..Person::default()
    }
}

/// The plan worked through in every section.
pub fn full_plan(language: Language, today: NaiveDate) -> AccountPlan {
    let w = match language {
        Language::Zh => &ZH,
        Language::En => &EN,
    };
    let ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let ahead = |days: u64| today.checked_add_days(Days::new(days)).unwrap_or(today);
    let year = {
        use chrono::Datelike;
        today.year()
    };
    let mut plan = AccountPlan {
        summary: w.summary.to_owned(),
        ..AccountPlan::default()
    };
    let p = &mut plan.profile;
    p.goals = fact(w.goals, InfoLevel::PublicFree, w.report, ago(60));
    p.finance = (1..=3)
        .map(|back| FinanceYear {
            year: year - back,
            revenue: amount(52_000 - 4_000 * i64::from(back)),
            profit: amount(3_100 - 150 * i64::from(back)),
            category_budget: amount(900 - 80 * i64::from(back)),
        })
        .rev()
        .collect();
    p.finance_source = fact(w.report, InfoLevel::PublicPaid, w.report, ago(60));
    // An old fact, to show "due for refresh".
    p.market_position = fact(w.market, InfoLevel::PublicFree, w.report, ago(240));
    p.main_competitors = fact(
        w.competitor[0],
        InfoLevel::PrivateContacts,
        w.news_source,
        ago(30),
    );
    p.news = fact(w.news, InfoLevel::PrivateContacts, w.news_source, ago(20));
    p.category_use = fact(w.supply, InfoLevel::PrivateContacts, w.news_source, ago(20));
    p.vendors = fact(
        w.vendors,
        InfoLevel::PrivateTopManagement,
        w.owners[0],
        ago(45),
    );

    plan.swot = Swot {
        strengths: w.swot[0].to_owned(),
        weaknesses: w.swot[1].to_owned(),
        opportunities: w.swot[2].to_owned(),
        threats: w.swot[3].to_owned(),
    };
    for (i, rating) in [4u8, 3, 4, 2, 5].into_iter().enumerate() {
        if let Some(kind) = super::plan::ForceKind::ALL.get(i) {
            plan.forces.force_mut(*kind).rating = Some(rating);
        }
    }
    for (text, horizon, implicit) in [
        (w.needs[0], NeedHorizon::Present, false),
        (w.needs[1], NeedHorizon::Present, false),
        (w.needs[2], NeedHorizon::Forecast, true),
    ] {
        let id = plan.take_id();
        plan.needs.push(Need {
            id,
            text: text.to_owned(),
            horizon,
            implicit,
        });
    }

    // The power map: a decision maker, two influencers, a blocker; one key person not
    // contacted for four months, to show the warning.
    let boss = plan.take_id();
    let it = plan.take_id();
    let engineer = plan.take_id();
    let buyer = plan.take_id();
    let mut people = vec![
        person(boss, w.people[0]),
        person(it, w.people[1]),
        person(engineer, w.people[2]),
        person(buyer, w.people[3]),
    ];
    people[0].role = Some(BuyingRole::DecisionMaker);
    people[0].attitude = Some(Attitude::Neutral);
    people[0].relationship = Some(RelationshipLevel::Ordinary);
    people[0].owner = w.owners[0].to_owned();
    people[0].last_contact = Some(ago(25));
    people[1].reports_to = Some(boss);
    people[1].role = Some(BuyingRole::Champion);
    people[1].attitude = Some(Attitude::Champion);
    people[1].relationship = Some(RelationshipLevel::Strategic);
    people[1].owner = w.owners[1].to_owned();
    people[1].last_contact = Some(ago(10));
    people[2].reports_to = Some(it);
    people[2].role = Some(BuyingRole::Adviser);
    people[2].hidden_influence = true;
    people[2].key = true;
    people[2].attitude = Some(Attitude::Supportive);
    people[2].relationship = Some(RelationshipLevel::Initial);
    people[2].owner = w.owners[1].to_owned();
    people[2].last_contact = Some(ago(120));
    people[3].reports_to = Some(boss);
    people[3].role = Some(BuyingRole::Blocker);
    people[3].attitude = Some(Attitude::Sceptical);
    people[3].relationship = Some(RelationshipLevel::Ordinary);
    people[3].owner = w.owners[1].to_owned();
    people[3].last_contact = Some(ago(40));
    plan.people = people;

    let competitor = plan.take_id();
    plan.competitors.push(Competitor {
        id: competitor,
        name: w.competitor[0].to_owned(),
        business: w.competitor[1].to_owned(),
        strengths: w.competitor[1].to_owned(),
        weaknesses: w.competitor[2].to_owned(),
        customer_view: w.competitor[3].to_owned(),
        preference: Some(Preference::PrefersThem),
        ..Competitor::default()
    });

    let pos = &mut plan.position;
    pos.history = w.history.to_owned();
    pos.supply = w.supply.to_owned();
    pos.switching_cost = Some(Grade::Medium);
    pos.our_sales = amount(180);
    pos.total_spend = amount(820);
    pos.ladder = Some(Ladder::PreferredSupplier);
    pos.lifecycle = Some(Lifecycle::Growth);
    pos.who_favours = w.people[1].0.to_owned();
    pos.swot = plan.swot.clone();
    pos.health[0] = w.health.to_owned();

    plan.six_steps[0].note = w.step_industry.to_owned();
    plan.six_steps[0].done = true;

    plan.vision = w.vision.to_owned();
    let objective = plan.take_id();
    plan.objectives.push(Objective {
        id: objective,
        text: w.objective[0].to_owned(),
        measure: w.objective[1].to_owned(),
        target: w.objective[2].to_owned(),
        due: Some(ahead(150)),
        status: ObjectiveStatus::OnTrack,
    });
    for (i, (task, due, status)) in [
        (w.actions[0], ago(30), ActionStatus::Done),
        // Overdue, to show the highlight and the cross-account list.
        (w.actions[1], ago(7), ActionStatus::InProgress),
        (w.actions[2], ahead(21), ActionStatus::NotStarted),
    ]
    .into_iter()
    .enumerate()
    {
        let id = plan.take_id();
        plan.actions.push(Action {
            id,
            task: task.to_owned(),
            owner: w.owners[i.min(1)].to_owned(),
            due: Some(due),
            status,
            objective: Some(objective),
        });
    }
    plan.revenue.push(RevenueLine {
        year,
        sales: TargetActual {
            target: amount(200),
            actual: amount(180),
        },
        revenue: TargetActual {
            target: amount(200),
            actual: amount(180),
        },
        margin: TargetActual {
            target: amount(50),
            actual: amount(41),
        },
        profit: TargetActual {
            target: amount(20),
            actual: amount(15),
        },
        quarter: None,
    });
    plan
}

/// A plan only started: a summary and a first objective without a due date.
pub fn started_plan(language: Language) -> AccountPlan {
    let w = match language {
        Language::Zh => &ZH,
        Language::En => &EN,
    };
    let mut plan = AccountPlan {
        summary: w.started_summary.to_owned(),
        vision: w.vision.to_owned(),
        ..AccountPlan::default()
    };
    let id = plan.take_id();
    plan.objectives.push(Objective {
        id,
        text: w.objective[0].to_owned(),
        measure: w.objective[1].to_owned(),
        ..Objective::default()
    });
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{PowerMapWarning, Section};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
    }

    #[test]
    fn the_demo_plan_shows_every_section_a_stale_fact_a_warning_and_an_overdue_action() {
        for language in Language::ALL {
            let plan = full_plan(language, day());
            for section in Section::ALL {
                assert!(plan.progress(section).done > 0, "{language:?} {section:?}");
            }
            assert_eq!(plan.facts_needing_refresh(day()), 1);
            assert!(matches!(
                plan.power_map_warnings(day()).as_slice(),
                [PowerMapWarning::KeyPersonNotContacted { .. }]
            ));
            assert_eq!(
                plan.actions.iter().filter(|a| a.is_overdue(day())).count(),
                1
            );
            assert_eq!(plan.position.share_of_wallet(), Some(220));
        }
    }

    #[test]
    fn a_started_demo_plan_flags_its_objective() {
        let plan = started_plan(Language::En);
        assert!(!plan.objectives[0].is_smart());
        assert!(plan.completeness() > 0 && plan.completeness() < 20);
    }
}
