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
    /// The customer's own SWOT: their strengths, weaknesses, opportunities, threats.
    swot: [&'static str; 4],
    /// A note per force, in Porter's order.
    forces: [&'static str; 5],
    needs: [&'static str; 3],
    people: [(&'static str, &'static str, &'static str); 4],
    owners: [&'static str; 2],
    /// Name, business with the customer, capability, strategy, strengths, weaknesses,
    /// the customer's view.
    competitor: [&'static str; 7],
    history: &'static str,
    supply: &'static str,
    switching: &'static str,
    who_favours: &'static str,
    /// Our position's SWOT: our strengths and weaknesses with this customer, the
    /// opportunities and threats for us there — not the customer's own.
    our_swot: [&'static str; 4],
    health: [&'static str; 6],
    steps: [&'static str; 6],
    vision: &'static str,
    /// Text, measure, target of each objective.
    objectives: [[&'static str; 3]; 3],
    actions: [&'static str; 4],
    /// The started plans: a tier-1 account to grow and a tier-2 account served with
    /// existing resources. Summary, vision, objective, its measure.
    started_tier1: [&'static str; 4],
    started_tier2: [&'static str; 4],
}

const ZH: PlanWords = PlanWords {
    summary: "一级客户，重点发展。三年内从优先供应商发展为该集团座舱电子的合作伙伴：赢得 2027 新平台座舱项目，钱包份额从 22% 提升到 40%（示例）。",
    goals: "2028 年新能源车型销量占比达到 50%（示例）",
    report: "集团年报（示例）",
    market: "华东地区销量前三的整车集团（示例）",
    news: "新建智能座舱研发中心，明年投入使用（示例）",
    news_source: "采购经理（示例）",
    vendors: "竞争对手甲、两家国际供应商和我方（示例）",
    swot: [
        "品牌强，资金充足，营收持续增长（示例）",
        "决策链长，流程慢（示例）",
        "新能源平台全面升级（示例）",
        "价格战压缩利润（示例）",
    ],
    forces: [
        "整车生产资质和资金门槛高（示例）",
        "共享出行部分替代私家车（示例）",
        "消费者比价容易，经销商要求返利（示例）",
        "座舱电子供应商多，集团议价能力强（示例）",
        "新能源车价格战激烈（示例）",
    ],
    needs: [
        "缩短新车型开发周期（示例）",
        "降低座舱系统总成本（示例）",
        "软件在线升级能力（隐性需求，示例）",
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
        "已供货五年，负责另外三条产线（示例）",
        "本地工厂，成本低，软件团队小（示例）",
        "以低价争取 2027 新平台（示例）",
        "价格低，与采购部关系密切（示例）",
        "交付不稳定，服务响应慢，软件升级能力弱（示例）",
        "采购部看重其价格，研发中心不满其交付（示例）",
    ],
    history: "2021 年首次合作，目前供应两条产线（示例）",
    supply: "座舱电子控制器与现场服务（示例）",
    switching: "更换供应商需重新验证约六个月（示例）",
    who_favours: "王明（示例）、孙工（示例）",
    our_swot: [
        "研发中心认可我方技术支持，两条产线零质量事故（示例）",
        "价格高于竞争对手甲，与采购部关系弱（示例）",
        "2027 新平台招标和新研发中心需要我方擅长的软件升级能力（示例）",
        "竞争对手甲以低价争取新平台，价格战压缩采购预算（示例）",
    ],
    health: [
        "总体良好：准时交付率 99%，响应速度有待提高（示例）",
        "现有产线的需求已满足，软件升级需求尚未满足（示例）",
        "是：驻场工程师帮助其缩短调试时间（示例）",
        "研发满意，采购希望报价流程更简单（示例）",
        "认可我方工程师，希望客户经理更常到访（示例）",
        "设立 24 小时响应热线，每月与采购部例会（示例）",
    ],
    steps: [
        "整车行业向新能源转型，座舱电子需求年增 20%（示例）",
        "竞争对手甲靠低价占三条产线，但交付不稳定；国际供应商价格高（示例）",
        "缩短开发周期、降低座舱总成本；隐性需求是软件在线升级（示例）",
        "平台化座舱控制器加在线升级软件，联合研发缩短开发周期（示例）",
        "驻场工程师、24 小时响应、本地备件库（示例）",
        "赢得 2027 平台，三年内钱包份额达到 40%，每月高层沟通（示例）",
    ],
    vision: "三年内从优先供应商成为该集团座舱电子的合作伙伴（示例）",
    objectives: [
        ["赢得 2027 新平台座舱项目（示例）", "项目定点", "1 个平台"],
        ["提高钱包份额（示例）", "我方销售额占其座舱电子支出的比例", "30%"],
        ["与副总经理建立战略级关系（示例）", "关系等级", "战略级"],
    ],
    actions: [
        "组织技术交流会（示例）",
        "提交平台方案初稿（示例）",
        "安排高层互访（示例）",
        "拜访孙工，演示在线升级方案（示例）",
    ],
    started_tier1: [
        "一级客户，重点发展：摸清决策链，今年提出第二条产品线的方案（示例）。",
        "三年内成为其所有工厂的主要供应商（示例）",
        "签订第二工厂供货框架协议（示例）",
        "协议签订",
    ],
    started_tier2: [
        "二级客户，用现有资源高效服务：保住现有业务，为明年的集中采购做好准备，不靠折扣（示例）。",
        "集中采购后仍是其首选的稳定供应商（示例）",
        "进入明年集中采购的合格供应商名录（示例）",
        "列入名录",
    ],
};

const EN: PlanWords = PlanWords {
    summary: "Tier 1, developed with focus. Within three years, grow from preferred supplier to the group's partner for cockpit electronics: win the cockpit of the 2027 platform and raise our share of wallet from 22% to 40% (demo).",
    goals: "EVs to reach 50% of sales by 2028 (demo)",
    report: "Group annual report (demo)",
    market: "A top-three vehicle group in East China (demo)",
    news: "New smart-cockpit R&D centre opening next year (demo)",
    news_source: "Purchasing manager (demo)",
    vendors: "Competitor A, two international suppliers and us (demo)",
    swot: [
        "Strong brand, well funded, revenue growing (demo)",
        "Long decision chain, slow process (demo)",
        "Complete renewal of the EV platforms (demo)",
        "Price war squeezing margins (demo)",
    ],
    forces: [
        "Licences and capital keep newcomers out (demo)",
        "Ride-hailing replaces some car purchases (demo)",
        "Buyers compare prices easily; dealers want rebates (demo)",
        "Many cockpit suppliers: the group negotiates from strength (demo)",
        "A fierce EV price war (demo)",
    ],
    needs: [
        "Shorter development time for new models (demo)",
        "Lower total cost of the cockpit system (demo)",
        "Over-the-air software updates (implicit, demo)",
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
        "Supplying three other lines for five years (demo)",
        "Local plant, low cost, a small software team (demo)",
        "Bidding low for the 2027 platform (demo)",
        "Low prices, close to the purchasing department (demo)",
        "Unreliable delivery, slow service, weak on software updates (demo)",
        "Purchasing likes their prices; R&D is unhappy with their delivery (demo)",
    ],
    history: "First order in 2021; we now supply two lines (demo)",
    supply: "Cockpit electronic controllers and field service (demo)",
    switching: "A new supplier needs about six months of validation (demo)",
    who_favours: "Wang Ming (demo), Sun Gang (demo)",
    our_swot: [
        "R&D values our engineering support; no quality incident on our two lines (demo)",
        "Pricier than Competitor A; weak ties with purchasing (demo)",
        "The 2027 platform tender and the new R&D centre need software updates, our strength (demo)",
        "Competitor A bids low for the new platform; the price war squeezes budgets (demo)",
    ],
    health: [
        "Well overall: 99% on-time delivery, answers could be faster (demo)",
        "For the current lines, yes; software updates not yet (demo)",
        "Yes: our resident engineer shortens their commissioning (demo)",
        "R&D is; purchasing wants simpler quotations (demo)",
        "They value our engineers and want to see the account manager more often (demo)",
        "A 24-hour hotline and a monthly meeting with purchasing (demo)",
    ],
    steps: [
        "Vehicle makers are moving to EVs; cockpit electronics demand grows 20% a year (demo)",
        "Competitor A holds three lines on price but delivers unreliably; the international suppliers are expensive (demo)",
        "Shorter development and a lower cockpit cost; the hidden need is over-the-air updates (demo)",
        "A platform cockpit controller with over-the-air updates, developed jointly to shorten development (demo)",
        "Resident engineers, answers within 24 hours, a local spare-parts store (demo)",
        "Win the 2027 platform, 40% share of wallet within three years, monthly executive contact (demo)",
    ],
    vision: "Within three years, the group's partner for cockpit electronics rather than a preferred supplier (demo)",
    objectives: [
        ["Win the cockpit of the 2027 platform (demo)", "Platform awarded", "1 platform"],
        ["Raise our share of wallet (demo)", "Our sales as a share of their cockpit electronics spend", "30%"],
        ["A strategic relationship with the deputy GM (demo)", "Relationship level", "Strategic"],
    ],
    actions: [
        "Hold a technical exchange day (demo)",
        "Submit the first platform proposal (demo)",
        "Arrange an executive visit (demo)",
        "Visit Sun Gang to show the over-the-air update solution (demo)",
    ],
    started_tier1: [
        "Tier 1, developed with focus: map the decision chain and propose a second product line this year (demo).",
        "Their main supplier for every plant within three years (demo)",
        "Sign a supply framework for the second plant (demo)",
        "Framework signed",
    ],
    started_tier2: [
        "Tier 2, served with existing resources: keep the current business and prepare for next year's central purchasing, without discounts (demo).",
        "Still their dependable first choice once purchasing is central (demo)",
        "Be listed for next year's central purchasing (demo)",
        "Approved-supplier listing",
    ],
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

/// The plan worked through in every section, for the demo's top tier-1 account (a
/// vehicle group growing fast, with a big budget for our category and an incumbent
/// competitor): every section agrees with those scores and with tier 1.
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
    // The end of next year, the objectives' horizon after the platform decision.
    let next_year_end = NaiveDate::from_ymd_opt(year + 1, 12, 31).unwrap_or(today);
    let mut plan = AccountPlan {
        summary: w.summary.to_owned(),
        ..AccountPlan::default()
    };
    let p = &mut plan.profile;
    p.goals = fact(w.goals, InfoLevel::PublicFree, w.report, ago(60));
    // Revenue up about 12% a year and the budget for our category up about 11% (the
    // scores' notes say so); last year's budget is the total spend of our position.
    let figures = [
        (3, 40_000, 2_650, 660),
        (2, 44_800, 2_850, 740),
        (1, 50_200, 3_100, 820),
    ];
    p.finance = figures
        .into_iter()
        .map(|(back, revenue, profit, budget)| FinanceYear {
            year: year - back,
            revenue: amount(revenue),
            profit: amount(profit),
            category_budget: amount(budget),
        })
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
    for ((kind, rating), note) in super::plan::ForceKind::ALL
        .into_iter()
        .zip([4u8, 2, 4, 2, 5])
        .zip(w.forces)
    {
        let force = plan.forces.force_mut(kind);
        force.rating = Some(rating);
        force.note = note.to_owned();
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

    // The power map: a decision maker open to us, a champion, a hidden adviser and a
    // blocker in purchasing; the adviser, a key person, not contacted for four months,
    // to show the warning.
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
    people[0].attitude = Some(Attitude::Supportive);
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
    let [name, business, capability, strategy, strengths, weaknesses, view] = w.competitor;
    plan.competitors.push(Competitor {
        id: competitor,
        name: name.to_owned(),
        business: business.to_owned(),
        capability: capability.to_owned(),
        strategy: strategy.to_owned(),
        strengths: strengths.to_owned(),
        weaknesses: weaknesses.to_owned(),
        customer_view: view.to_owned(),
        // Purchasing prefers them, R&D us: neither wins the customer's view yet.
        preference: Some(Preference::Neutral),
    });

    let pos = &mut plan.position;
    pos.history = w.history.to_owned();
    pos.supply = w.supply.to_owned();
    pos.switching_cost = Some(Grade::Medium);
    pos.switching_note = w.switching.to_owned();
    pos.our_sales = amount(180);
    pos.total_spend = amount(820);
    pos.ladder = Some(Ladder::PreferredSupplier);
    pos.lifecycle = Some(Lifecycle::Growth);
    pos.who_favours = w.who_favours.to_owned();
    pos.swot = Swot {
        strengths: w.our_swot[0].to_owned(),
        weaknesses: w.our_swot[1].to_owned(),
        opportunities: w.our_swot[2].to_owned(),
        threats: w.our_swot[3].to_owned(),
    };
    pos.health = w.health.map(str::to_owned);

    for (step, note) in plan.six_steps.iter_mut().zip(w.steps) {
        step.note = note.to_owned();
        step.done = true;
    }

    plan.vision = w.vision.to_owned();
    let mut objectives = Vec::new();
    for ([text, measure, target], due, status) in [
        (w.objectives[0], ahead(150), ObjectiveStatus::OnTrack),
        (w.objectives[1], next_year_end, ObjectiveStatus::OnTrack),
        (w.objectives[2], ahead(270), ObjectiveStatus::Open),
    ] {
        let id = plan.take_id();
        objectives.push(id);
        plan.objectives.push(Objective {
            id,
            text: text.to_owned(),
            measure: measure.to_owned(),
            target: target.to_owned(),
            due: Some(due),
            status,
        });
    }
    for (task, owner, due, status, objective) in [
        (w.actions[0], 0, ago(30), ActionStatus::Done, 0),
        // Overdue, to show the highlight and the cross-account list.
        (w.actions[1], 1, ago(7), ActionStatus::InProgress, 0),
        (w.actions[2], 0, ahead(21), ActionStatus::NotStarted, 2),
        (w.actions[3], 1, ahead(10), ActionStatus::NotStarted, 0),
    ] {
        let id = plan.take_id();
        plan.actions.push(Action {
            id,
            task: task.to_owned(),
            owner: w.owners[owner].to_owned(),
            due: Some(due),
            status,
            objective: objectives.get(objective).copied(),
        });
    }
    // This year nearly on target (our sales are the position's 180); next year's target
    // is 30% of a budget growing about 11%, the second objective.
    for (year, target, actual) in [
        (year, [200, 200, 50, 20], Some([180, 180, 41, 15])),
        (year + 1, [270, 270, 68, 30], None),
    ] {
        let line = |i: usize| TargetActual {
            target: amount(target[i]),
            actual: actual.and_then(|a| amount(a[i])),
        };
        plan.revenue.push(RevenueLine {
            year,
            sales: line(0),
            revenue: line(1),
            margin: line(2),
            profit: line(3),
            quarter: None,
        });
    }
    plan
}

/// Which kind of started plan: the tier says what a plan there is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartedPlan {
    /// A tier-1 account to grow.
    Grow,
    /// A tier-2 account served with the resources we have.
    ServeEfficiently,
}

/// A plan only started: a summary, a vision and a first objective without a target or a
/// due date.
pub fn started_plan(language: Language, kind: StartedPlan) -> AccountPlan {
    let w = match language {
        Language::Zh => &ZH,
        Language::En => &EN,
    };
    let [summary, vision, objective, measure] = match kind {
        StartedPlan::Grow => w.started_tier1,
        StartedPlan::ServeEfficiently => w.started_tier2,
    };
    let mut plan = AccountPlan {
        summary: summary.to_owned(),
        vision: vision.to_owned(),
        ..AccountPlan::default()
    };
    let id = plan.take_id();
    plan.objectives.push(Objective {
        id,
        text: objective.to_owned(),
        measure: measure.to_owned(),
        ..Objective::default()
    });
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::finance::share_of_wallet;
    use crate::domain::plan::{PowerMapWarning, Section, SwotQuadrant};

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
    fn our_position_swot_is_not_the_customers() {
        for language in Language::ALL {
            let plan = full_plan(language, day());
            let customer = SwotQuadrant::ALL.map(|q| q.of(&plan.swot).to_owned());
            for quadrant in SwotQuadrant::ALL {
                let ours = quadrant.of(&plan.position.swot);
                assert!(!ours.trim().is_empty(), "{language:?} {quadrant:?}");
                assert!(
                    !customer.iter().any(|theirs| theirs == ours),
                    "{language:?} {quadrant:?} copies the customer's SWOT"
                );
            }
            assert_eq!(plan.swot.filled_quadrants(), 4);
        }
    }

    #[test]
    fn the_six_step_analysis_is_worked_through() {
        for language in Language::ALL {
            let plan = full_plan(language, day());
            assert_eq!(plan.progress(Section::SixSteps).percent(), 100);
            let notes: Vec<&str> = plan.six_steps.iter().map(|s| s.note.trim()).collect();
            assert!(notes.iter().all(|n| !n.is_empty()), "{language:?}");
            for (i, note) in notes.iter().enumerate() {
                assert!(!notes[..i].contains(note), "{language:?}: step {i} repeats");
            }
            // The whole plan is worked through, not only one section.
            for section in Section::ALL {
                assert_eq!(
                    plan.missing(section),
                    vec![],
                    "{language:?} {section:?} is missing items"
                );
            }
            assert_eq!(plan.completeness(), 100);
        }
    }

    #[test]
    fn the_worked_plan_aims_higher_than_where_we_stand_now() {
        for language in Language::ALL {
            let plan = full_plan(language, day());
            // Vision and summary point one step up the ladder from where we stand.
            assert_eq!(plan.position.ladder, Some(Ladder::PreferredSupplier));
            assert!(!plan.vision.is_empty() && plan.vision != plan.summary);
            assert!(plan.objectives.len() >= 3);
            assert!(plan.objectives.iter().all(|o| o.is_smart()));
            assert!(plan.objectives.iter().all(|o| o.due > Some(day())));
            // Next year's target grows our sales and our share of a growing budget.
            let this_year = plan.revenue.first().expect("this year");
            let next_year = plan.revenue.get(1).expect("next year");
            assert_eq!(next_year.year, this_year.year + 1);
            let sales = this_year.sales.actual.expect("actual");
            let target = next_year.sales.target.expect("target");
            assert_eq!(plan.position.our_sales, Some(sales));
            assert!(target.0 > sales.0 * 13 / 10, "{target:?}");
            let budget = plan.position.total_spend.expect("spend").0;
            let next_share = share_of_wallet(Some(target), Some(Amount(budget * 111 / 100)));
            assert!(next_share > plan.position.share_of_wallet());
            // The profile's last year is the spend our share is measured against.
            let last = plan.profile.finance.last().expect("finance");
            assert_eq!(last.category_budget, plan.position.total_spend);
            assert_eq!(last.year, this_year.year - 1);
        }
    }

    #[test]
    fn a_started_demo_plan_flags_its_objective() {
        for language in Language::ALL {
            for kind in [StartedPlan::Grow, StartedPlan::ServeEfficiently] {
                let plan = started_plan(language, kind);
                assert!(!plan.objectives[0].is_smart());
                assert!(plan.completeness() > 0 && plan.completeness() < 20);
            }
            assert_ne!(
                started_plan(language, StartedPlan::Grow).summary,
                started_plan(language, StartedPlan::ServeEfficiently).summary
            );
        }
    }
}
