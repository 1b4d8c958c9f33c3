//! Development and the annual review for the trainers' demo (`demo`, KAM-SPEC §2.3.2,
//! §2.3.6, §3, §5, §6): a closed previous year whose comparison with today shows tier
//! movements, an account that entered the target list and one that left, and a revised
//! model; contracts, payment records, referrals and strategic flags that put accounts in
//! every key-account category; a group of affiliated units; dated relationship
//! assessments, rising and falling; development-value forecasts on prospects; and this
//! year's preliminary list plan. This module owns only the demo's data: every rule it
//! shows off is the domain's (`review`, `development`), and every date is relative to the
//! moment the demo is loaded, as in `demo_engagement`.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

use super::account::{Account, AccountId, Ownership, Relationship, SizeBand};
use super::development::categories::{link_problem, CategorySettings, CategorySettingsDoc};
use super::development::forecast::Forecast;
use super::development::list_plan::{ListPlan, ListPlanDoc, SegmentPlan, YearListPlan};
use super::development::relationship::{RelationshipAssessment, RelationshipState};
use super::development::{
    relationship_of, AccountDevelopment, Contract, DevelopmentDoc, PaymentRecord, Referral,
    StrategicFlag,
};
use super::engagement::team::{ColleagueId, Role};
use super::engagement::SettingsDoc;
use super::model::CriterionId;
use super::plan::facts::Amount;
use super::review::{snapshot_of, Snapshots, SnapshotsDoc};
use super::scoring::Score;
use super::screening::{Answer, Gate};
use super::text::Language;
use super::workspace::Workspace;

/// A figure of a contract: in whole units, or as a percentage of the category threshold
/// it is measured against. The figures that decide a category are percentages, so the
/// account stays in its category whatever thresholds the workspace sets.
#[derive(Clone, Copy)]
enum Figure {
    Whole(i64),
    Percent(i64),
}

use Figure::{Percent, Whole};

impl Figure {
    fn amount(self, threshold: Amount) -> Amount {
        let hundredths = match self {
            Figure::Whole(n) => i128::from(n) * 100,
            Figure::Percent(p) => i128::from(threshold.0) * i128::from(p) / 100,
        };
        Amount(i64::try_from(hundredths).unwrap_or(i64::MAX))
    }
}

/// One contract of the demo: signed so many days before today, its volume (against the
/// quality threshold) and value (against the high-value threshold), and its note (an
/// index into `Words::contract_notes`).
struct Signed {
    days_ago: u64,
    volume: Figure,
    value: Figure,
    note: usize,
}

/// The contracts and payment record of one account (by index).
struct Contracts {
    account: usize,
    payment: PaymentRecord,
    contracts: &'static [Signed],
}

const fn signed(days_ago: u64, volume: Figure, value: Figure, note: usize) -> Signed {
    Signed {
        days_ago,
        volume,
        value,
        note,
    }
}

/// Contracts of customers only (a prospect has signed nothing), each account placed in
/// the category its comment names.
const CONTRACTS: [Contracts; 10] = [
    // The worked plan's vehicle group: quality by cumulative volume (128%), paying well.
    Contracts {
        account: super::demo::WORKED_PLAN,
        payment: PaymentRecord::Good,
        contracts: &[
            signed(640, Percent(48), Whole(60), 0),
            signed(380, Percent(36), Whole(45), 1),
            signed(90, Percent(44), Whole(75), 1),
        ],
    },
    // The group's parts maker, which buys through the group from next year.
    Contracts {
        account: 1,
        payment: PaymentRecord::Good,
        contracts: &[signed(330, Whole(800), Whole(18), 1)],
    },
    // A rental fleet above the volume threshold that pays late: potential, waiting for
    // a good payment record.
    Contracts {
        account: 5,
        payment: PaymentRecord::Late,
        contracts: &[
            signed(560, Percent(64), Whole(55), 2),
            signed(200, Percent(52), Whole(48), 2),
        ],
    },
    // One contract just below the high-value threshold (88%): potential.
    Contracts {
        account: 6,
        payment: PaymentRecord::Good,
        contracts: &[
            signed(480, Whole(600), Whole(20), 1),
            signed(120, Whole(900), Percent(88), 0),
        ],
    },
    // Quality by the bus group it referred, not by volume.
    Contracts {
        account: 10,
        payment: PaymentRecord::Good,
        contracts: &[
            signed(420, Whole(1_200), Whole(30), 0),
            signed(160, Whole(900), Whole(25), 1),
        ],
    },
    // The group's parent, signing for its units.
    Contracts {
        account: GROUP_PARENT,
        payment: PaymentRecord::Good,
        contracts: &[signed(75, Whole(1_600), Whole(50), 4)],
    },
    // Bad payment: above the potential band, yet in no category.
    Contracts {
        account: 20,
        payment: PaymentRecord::Bad,
        contracts: &[signed(610, Percent(90), Whole(60), 2)],
    },
    // The customer a competitor is taking: nothing signed for over a year.
    Contracts {
        account: FALLING,
        payment: PaymentRecord::Good,
        contracts: &[signed(470, Whole(1_000), Whole(22), 1)],
    },
    // High value: one fleet contract above the threshold (120%), paying well.
    Contracts {
        account: 30,
        payment: PaymentRecord::Good,
        contracts: &[
            signed(300, Whole(1_400), Percent(120), 0),
            signed(45, Whole(1_100), Whole(35), 3),
        ],
    },
    // Cumulative volume within the potential band (86%): potential.
    Contracts {
        account: 36,
        payment: PaymentRecord::Good,
        contracts: &[
            signed(500, Percent(50), Whole(40), 0),
            signed(150, Percent(36), Whole(30), 1),
        ],
    },
];

/// The large vehicle group whose affiliated units buy through it (集团客户).
const GROUP_PARENT: usize = 15;

/// Its units: a powertrain maker of the same place (whose plan prepares for the group's
/// central purchasing), its finance arm and a powertrain plant elsewhere.
const GROUP_MEMBERS: [usize; 3] = [1, 29, 31];

/// The account with the signed referral (to a customer outside the register) and a
/// referral still talking to us (the prospect whose relationship is rising).
const REFERRER: usize = 10;

/// The prospect whose relationship rose step by step, from tier 3 last year to tier 1.
const RISING: usize = 19;

/// The customer a competitor attacks: relationship falling, from tier 1 to tier 3.
const FALLING: usize = 25;

/// The accounts flagged strategic, with the days since: the pilot headquarters named,
/// flagged the day of its tier override, and the contested customer.
const STRATEGIC: [(usize, u64); 2] = [(12, 0), (FALLING, 45)];

/// Dated assessments of one account (by index): days before today and the four scores
/// (communication, fit, joint work, recognition); and the state the user chose.
struct Assessed {
    account: usize,
    history: &'static [(u64, [u8; 4])],
    state: Option<RelationshipState>,
}

const ASSESSED: [Assessed; 8] = [
    // The worked plan's customer: strategic throughout, a little closer each time.
    Assessed {
        account: super::demo::WORKED_PLAN,
        history: &[(400, [3, 4, 3, 3]), (200, [4, 4, 3, 4]), (25, [4, 4, 4, 4])],
        state: Some(RelationshipState::Good),
    },
    // Ordinary and steady: served efficiently, as tier 2 calls for.
    Assessed {
        account: 1,
        history: &[(300, [3, 3, 2, 3]), (60, [3, 3, 3, 3])],
        state: None,
    },
    // Rising to strategic with the referral.
    Assessed {
        account: REFERRER,
        history: &[(380, [3, 3, 3, 3]), (90, [4, 3, 3, 4])],
        state: None,
    },
    // The pilot: ordinary still.
    Assessed {
        account: 12,
        history: &[(240, [2, 3, 2, 2]), (30, [3, 3, 2, 3])],
        state: None,
    },
    // Initial, ordinary, strategic: what moved it from tier 3 to tier 1.
    Assessed {
        account: RISING,
        history: &[(420, [2, 2, 1, 2]), (230, [3, 3, 2, 3]), (35, [4, 4, 3, 3])],
        state: Some(RelationshipState::Developing),
    },
    // Strategic, ordinary, initial: the competitor's attack, which the user judges
    // defensive rather than the declining the assessments suggest.
    Assessed {
        account: FALLING,
        history: &[(410, [4, 4, 3, 4]), (210, [3, 3, 2, 3]), (20, [2, 3, 1, 2])],
        state: Some(RelationshipState::Defensive),
    },
    // Strategic to partner with the high-value contract.
    Assessed {
        account: 30,
        history: &[(350, [4, 4, 4, 3]), (50, [4, 5, 4, 4])],
        state: Some(RelationshipState::VeryStrong),
    },
    // The prospect that entered the target list this year.
    Assessed {
        account: ENTERED,
        history: &[(260, [2, 2, 1, 2]), (40, [3, 3, 2, 3])],
        state: Some(RelationshipState::Developing),
    },
];

/// Development-value forecasts of three prospects (by index), in whole units: sales,
/// profit, management, travel and development costs, and the risk in percent.
const FORECASTS: [(usize, [i64; 5], u32); 3] = [
    // Clearly worth it: 120 × 70% − 36 = 48.
    (ENTERED, [600, 120, 10, 6, 20], 30),
    // Worth it, narrowly: 27 × 60% − 11 = 5.2.
    (3, [150, 27, 3, 2, 6], 40),
    // Not worth it: 12 × 40% − 17 = −12.2, attractive as the account is.
    (13, [80, 12, 4, 5, 8], 60),
];

/// The prospect not pursued last year that is a target now.
const ENTERED: usize = 39;

/// Last year's scores (criteria 1–8 of the default model) of the accounts whose tier has
/// moved since; every other account scored as it does today.
const LAST_YEAR: [(usize, [u8; 8]); 5] = [
    // Tier 3 → tier 1: feasibility rose with the relationship.
    (RISING, [8, 8, 6, 6, 4, 5, 5, 4]),
    // Tier 2 → tier 1: their finances and budget grew.
    (35, [5, 5, 4, 5, 7, 6, 6, 7]),
    // Tier 1 → tier 3: a competitor took most of the business.
    (FALLING, [8, 10, 8, 9, 7, 7, 6, 6]),
    // Tier 2 → not pursued: it buys through its group now.
    (31, [4, 4, 3, 2, 6, 6, 6, 6]),
    // Not pursued → tier 1: entered the target list.
    (ENTERED, [4, 5, 5, 5, 5, 5, 5, 6]),
];

/// Last year's scores of the account that has left the register since: tier 2 then.
const DEPARTED_SCORES: [u8; 8] = [4, 4, 5, 4, 7, 6, 7, 6];

/// Last year's weights of the criteria that were revised for this year (the default
/// model's 40% and 30%): spend on our category counted for more than financial results.
const LAST_YEAR_WEIGHTS: [(CriterionId, u32); 2] = [(1, 30), (2, 40)];

/// How many prospects of each size band (large, medium, small) this year's list
/// collects in each of the demo's segments, in their order.
const LIST_PLAN: [[u32; 3]; 3] = [[30, 50, 20], [20, 30, 10], [10, 20, 10]];

struct Words {
    /// What contract volumes are counted in.
    volume_unit: &'static str,
    /// Framework order, call-off, fleet units, software service, group framework.
    contract_notes: [&'static str; 5],
    /// The customer outside the register that the referrer brought us.
    referred: &'static str,
    /// The strategic flags' reasons, in the order of `STRATEGIC`.
    strategic: [&'static str; 2],
    /// One note per assessment, in the order of `ASSESSED`.
    assessments: [&'static [&'static str]; 8],
    /// The account that has left the register since last year.
    departed: &'static str,
}

const ZH: Words = Words {
    volume_unit: "台套",
    contract_notes: [
        "座舱控制器框架订单（示例）",
        "座舱控制器批次订单（示例）",
        "车队车载终端（示例）",
        "软件升级服务（示例）",
        "集团集中采购框架协议（示例）",
    ],
    referred: "天河公交集团（示例）",
    strategic: [
        "集团总部指定的试点，专用车行业的示范客户（示例）",
        "竞争对手正在争夺其全部座椅产线（示例）",
    ],
    assessments: [
        &[
            "年度回顾：供货关系稳定（示例）",
            "共同规划第二条产线，研发直接联系我们（示例）",
            "与副总经理约定定期战略会议（示例）",
        ],
        &[
            "交付正常，除采购外接触很少（示例）",
            "与集团采购一起准备集中采购（示例）",
        ],
        &[
            "供货关系良好，以交易为主（示例）",
            "推荐一家公交集团给我们，联合质量研讨（示例）",
        ],
        &[
            "总部指定为试点，初次会面（示例）",
            "试点范围已确定，工程部仍持观望态度（示例）",
        ],
        &[
            "只有采购与我们沟通，现有供应商掌握工程部（示例）",
            "技术交流顺利，工程部索取样品（示例）",
            "样品通过，共同规划下一款车型（示例）",
        ],
        &[
            "两条座椅产线的长期合作伙伴（示例）",
            "竞争对手报价更低，会面减少（示例）",
            "采购不再邀请我们参加计划会，我们转入防守（示例）",
        ],
        &[
            "战略供应商，每季度高层会晤（示例）",
            "签订车队合同，共同制定未来几年的路线图（示例）",
        ],
        &[
            "展会上结识，尚无业务（示例）",
            "已举办研讨会，工程师希望收到项目建议（示例）",
        ],
    ],
    departed: "长河客车有限公司（示例）",
};

const EN: Words = Words {
    volume_unit: "units",
    contract_notes: [
        "Cockpit controllers, framework order (demo)",
        "Cockpit controllers, call-off (demo)",
        "On-board units for the fleet (demo)",
        "Software update service (demo)",
        "Central purchasing framework for the group (demo)",
    ],
    referred: "Tianhe Bus Group (demo)",
    strategic: [
        "Headquarters' pilot: the industry's showcase for special vehicles (demo)",
        "Contested: a competitor is bidding for all its seat lines (demo)",
    ],
    assessments: [
        &[
            "Annual review: a steady supplier relationship (demo)",
            "Planning the second line together; R&D calls us directly (demo)",
            "Regular strategy meetings agreed with the deputy GM (demo)",
        ],
        &[
            "Deliveries fine; little contact beyond purchasing (demo)",
            "Preparing central purchasing with the group's buyers (demo)",
        ],
        &[
            "A good supplier relationship, mostly transactional (demo)",
            "Referred a bus group to us; joint quality workshop (demo)",
        ],
        &[
            "Named a pilot by headquarters; first meetings (demo)",
            "Pilot scope agreed; engineering still cautious (demo)",
        ],
        &[
            "Only purchasing talks to us; the incumbent holds engineering (demo)",
            "Technical exchange went well; engineering asks for samples (demo)",
            "Samples passed; planning the next model together (demo)",
        ],
        &[
            "Long-standing partner on two seat lines (demo)",
            "A competitor offers lower prices; fewer meetings (demo)",
            "Purchasing no longer invites us to planning; we defend (demo)",
        ],
        &[
            "Strategic supplier; quarterly executive meetings (demo)",
            "Fleet contract signed; a joint roadmap for the coming years (demo)",
        ],
        &[
            "Met at a trade fair; no business yet (demo)",
            "Seminar held; their engineers want a proposal (demo)",
        ],
    ],
    departed: "Redstone Coaches Co. (demo)",
};

fn days_before(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(days)).unwrap_or(day)
}

/// Adds the demo's development and annual review to `ws`, the demo workspace in
/// `language` stamped with `now` (ms since the epoch), after its engagement (whose
/// owners assess the relationships and whose team collects the list): group links,
/// each account's development record, this year's list plan and last year closed.
/// Today's scores and accounts stay as they are.
pub fn add_demo_development(ws: &mut Workspace, language: Language, now: i64) {
    let w = match language {
        Language::Zh => &ZH,
        Language::En => &EN,
    };
    let clock = chrono::DateTime::from_timestamp_millis(now)
        .map(|d| d.naive_utc())
        .unwrap_or_default();
    let today = clock.date();
    link_group(ws);
    add_development(ws, w, today);
    ws.list_plan = ListPlanDoc::write(&list_plan(ws, today.year()))
        .ok()
        .flatten();
    close_last_year(ws, w, clock, now);
}

/// Links the group's units to their parent, each link checked by the group rule.
fn link_group(ws: &mut Workspace) {
    let Some(parent) = ws.accounts.get(GROUP_PARENT).map(|a| a.id) else {
        return;
    };
    for member in GROUP_MEMBERS {
        let Some(child) = ws.accounts.get(member).map(|a| a.id) else {
            continue;
        };
        let accounts = &ws.accounts;
        let parent_of = |id: AccountId| accounts.iter().find(|a| a.id == id)?.parent;
        if link_problem(child, parent, parent_of).is_none() {
            if let Some(account) = ws.accounts.get_mut(member) {
                account.parent = Some(parent);
            }
        }
    }
}

/// Every account's development record: contracts and payment, referrals, strategic
/// flags, assessments by the account's daily owner, and forecasts.
fn add_development(ws: &mut Workspace, w: &Words, today: NaiveDate) {
    // The demo counts money in 10k CNY (万元): a high-value contract is one of 100 万元
    // (one million CNY); volume is counted in units (台套).
    let settings = CategorySettings {
        high_value: Amount(10_000),
        volume_unit: w.volume_unit.to_owned(),
        ..CategorySettings::default()
    };
    ws.categories = CategorySettingsDoc::write(&settings).ok().flatten();
    let mut records: BTreeMap<usize, AccountDevelopment> = BTreeMap::new();
    for plan in &CONTRACTS {
        let record = records.entry(plan.account).or_default();
        record.payment = Some(plan.payment);
        for c in plan.contracts {
            record.add_contract(contract(c, &settings, today, w));
        }
    }
    let referred = ws.accounts.get(RISING).map(|a| (a.id, a.name.clone()));
    let record = records.entry(REFERRER).or_default();
    record.add_referral(Referral {
        name: w.referred.to_owned(),
        signed: true,
        date: Some(days_before(today, 300)),
        ..Referral::default()
    });
    if let Some((id, name)) = referred {
        record.add_referral(Referral {
            name,
            account: Some(id),
            ..Referral::default()
        });
    }
    for ((account, days_ago), reason) in STRATEGIC.into_iter().zip(w.strategic) {
        records.entry(account).or_default().strategic =
            StrategicFlag::new(reason, days_before(today, days_ago)).ok();
    }
    for (plan, notes) in ASSESSED.iter().zip(w.assessments) {
        let by = ws.accounts.get(plan.account).and_then(|a| a.daily_owner);
        let record = records.entry(plan.account).or_default();
        for (&(days_ago, scores), note) in plan.history.iter().zip(notes) {
            // The scores above are in range and dated before today, so none is refused.
            if let Ok(assessment) =
                RelationshipAssessment::new(days_before(today, days_ago), scores, today)
            {
                record.add_assessment(RelationshipAssessment {
                    note: (*note).to_owned(),
                    by,
                    ..assessment
                });
            }
        }
        record.relationship_state = plan.state;
    }
    for (account, [sales, profit, management, travel, development], risk) in FORECASTS {
        let whole = |n: i64| Amount(n * 100);
        records.entry(account).or_default().forecast = Some(Forecast {
            expected_sales: whole(sales),
            expected_profit: whole(profit),
            management_cost: whole(management),
            travel_cost: whole(travel),
            risk_percent: risk,
            development_cost: whole(development),
        });
    }
    for (index, record) in records {
        if let Some(account) = ws.accounts.get_mut(index) {
            account.development = DevelopmentDoc::write(&record).ok().flatten();
        }
    }
}

fn contract(c: &Signed, settings: &CategorySettings, today: NaiveDate, w: &Words) -> Contract {
    Contract {
        id: 0,
        date: days_before(today, c.days_ago),
        volume: c.volume.amount(settings.quality_volume),
        value: c.value.amount(settings.high_value),
        note: w.contract_notes[c.note % w.contract_notes.len()].to_owned(),
    }
}

/// This year's list: the demo's segments in the order its accounts first name them,
/// each collected by the segment manager who owns most of its accounts overall.
fn list_plan(ws: &Workspace, year: i32) -> ListPlan {
    let team = SettingsDoc::read_or_empty(ws.engagement.as_ref())
        .map(|s| s.team)
        .unwrap_or_default();
    let mut segments: Vec<&str> = Vec::new();
    for account in &ws.accounts {
        if !account.segment.is_empty() && !segments.contains(&account.segment.as_str()) {
            segments.push(&account.segment);
        }
    }
    let collector = |segment: &str| -> Option<ColleagueId> {
        let mut owned: BTreeMap<ColleagueId, usize> = BTreeMap::new();
        for account in ws.accounts.iter().filter(|a| a.segment == segment) {
            if let Some(owner) = account.overall_owner.filter(|id| {
                team.get(*id)
                    .is_some_and(|p| p.role == Role::SegmentManager)
            }) {
                *owned.entry(owner).or_insert(0) += 1;
            }
        }
        // The most accounts; of equal counts the colleague listed first.
        owned
            .into_iter()
            .max_by_key(|&(id, count)| (count, std::cmp::Reverse(id)))
            .map(|(id, _)| id)
    };
    ListPlan {
        years: vec![YearListPlan {
            year,
            segments: segments
                .into_iter()
                .zip(LIST_PLAN)
                .map(|(segment, [large, medium, small])| SegmentPlan {
                    segment: segment.to_owned(),
                    large,
                    medium,
                    small,
                    collector: collector(segment),
                })
                .collect(),
        }],
    }
}

/// Closes last year on December 20: the workspace as it stood then is today's with
/// last year's scores on the accounts that moved, last year's weights, only the
/// assessments made by then, and the account that has left the register since.
fn close_last_year(ws: &mut Workspace, w: &Words, clock: NaiveDateTime, now: i64) {
    let year = clock.date().year() - 1;
    let Some(closed_on) = NaiveDate::from_ymd_opt(year, 12, 20) else {
        return;
    };
    let mut then = ws.clone();
    for (index, scores) in LAST_YEAR {
        if let Some(account) = then.accounts.get_mut(index) {
            set_scores(account, scores);
        }
    }
    for (criterion, weight) in LAST_YEAR_WEIGHTS {
        if let Some(c) = then.model.criterion_mut(criterion) {
            c.weight = weight;
        }
    }
    for account in &mut then.accounts {
        let Some(mut record) = account.development.as_ref().and_then(|d| d.read().ok()) else {
            continue;
        };
        record.assessments.retain(|a| a.on <= closed_on);
        account.development = DevelopmentDoc::write(&record).ok().flatten();
    }
    let departed = departed_account(ws, w);
    let departed_id = then.add_account(departed, now);
    let snapshot = snapshot_of(&then, year, closed_on, clock, relationship_of);
    let mut snapshots = Snapshots::default();
    if snapshots.close(snapshot).is_ok() {
        ws.snapshots = SnapshotsDoc::write(&snapshots).ok().flatten();
        // The departed account's id stays taken: a new account never inherits its
        // history in the review.
        ws.next_account_id = ws.next_account_id.max(departed_id.saturating_add(1));
    }
}

fn set_scores(account: &mut Account, scores: [u8; 8]) {
    for (criterion, value) in (1..=8u32).zip(scores) {
        account.scores.insert(
            criterion,
            Score {
                value: Some(value),
                note: String::new(),
            },
        );
    }
}

/// A vehicle maker in the register last year, tier 2, gone since.
fn departed_account(ws: &Workspace, w: &Words) -> Account {
    let maker = ws.accounts.first();
    let text = |f: fn(&Account) -> &String| maker.map(f).cloned().unwrap_or_default();
    let mut account = Account {
        number: format!("DEMO-{:03}", ws.next_account_id),
        name: w.departed.to_owned(),
        industry: text(|a| &a.industry),
        segment: text(|a| &a.segment),
        ownership: Some(Ownership::Private),
        size_band: Some(SizeBand::Medium),
        relationship: Relationship::Customer,
        ..Account::default()
    };
    for gate in Gate::ALL {
        account.screening.set(gate, Answer::Yes);
    }
    set_scores(&mut account, DEPARTED_SCORES);
    account
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::domain::demo::demo_workspace;
    use crate::domain::development::categories::{categories, group_facts, group_of, Category};
    use crate::domain::development::list_plan::collected;
    use crate::domain::development::relationship::change;
    use crate::domain::engagement::test_clock::at as clock;
    use crate::domain::review::{compare_years, Review, YearSnapshot};
    use crate::domain::tiering::{assess, Tier};

    /// A clock in the middle of a year, and others at awkward moments: just after New
    /// Year (last year closed a fortnight ago), the last day of a year, a leap day.
    const NOWS: [&str; 4] = [
        "2026-03-18 10:00",
        "2027-01-02 08:00",
        "2026-12-31 23:30",
        "2028-02-29 12:00",
    ];

    fn demo(language: Language, now: &str) -> Workspace {
        demo_workspace(language, clock(now).and_utc().timestamp_millis())
    }

    fn development(account: &Account) -> AccountDevelopment {
        DevelopmentDoc::read_or_empty(account.development.as_ref()).expect("readable")
    }

    fn last_year(ws: &Workspace) -> YearSnapshot {
        let snapshots = SnapshotsDoc::read_or_empty(ws.snapshots.as_ref()).expect("readable");
        assert_eq!(snapshots.years.len(), 1);
        snapshots.years[0].clone()
    }

    /// Last year compared with today, as the review page compares them.
    fn review(ws: &Workspace, now: &str) -> Review {
        let clock = clock(now);
        let today = snapshot_of(ws, clock.year(), clock.date(), clock, relationship_of);
        compare_years(&last_year(ws), &today)
    }

    #[test]
    fn the_demo_closes_last_year_with_movements_entries_departures_and_model_changes() {
        for language in Language::ALL {
            for now in NOWS {
                let ws = demo(language, now);
                let last = last_year(&ws);
                let year = clock(now).year() - 1;
                assert_eq!(last.year, year);
                assert_eq!(
                    last.closed_on,
                    NaiveDate::from_ymd_opt(year, 12, 20).expect("day")
                );
                assert!(
                    last.model.problems().is_empty(),
                    "last year's model is valid"
                );
                let review = review(&ws, now);
                assert!(review.movements.len() >= 3, "{:?}", review.movements);
                let name = |index: usize| ws.accounts[index].name.clone();
                let moved = |index: usize, from: Tier, to: Tier| {
                    review.movements.iter().any(|m| {
                        m.name == name(index)
                            && m.before.tier == Some(from)
                            && m.after.tier == Some(to)
                    })
                };
                assert!(moved(RISING, Tier::Tier3, Tier::Tier1), "{now}");
                assert!(moved(35, Tier::Tier2, Tier::Tier1));
                assert!(moved(FALLING, Tier::Tier1, Tier::Tier3));
                assert!(moved(31, Tier::Tier2, Tier::NotPursued));
                assert!(moved(ENTERED, Tier::NotPursued, Tier::Tier1));
                // Every movement has its causes.
                assert!(review.movements.iter().all(|m| !m.causes.is_empty()));
                assert!(review
                    .entered
                    .iter()
                    .any(|c| c.name == name(ENTERED) && c.in_register));
                let departed = review
                    .left
                    .iter()
                    .find(|c| !c.in_register)
                    .expect("an account left the register");
                let words = match language {
                    Language::Zh => &ZH,
                    Language::En => &EN,
                };
                assert_eq!(departed.name, words.departed);
                assert_eq!(review.departures.get(&Some(Tier::Tier2)), Some(&1));
                assert!(review
                    .left
                    .iter()
                    .any(|c| c.name == name(31) && c.in_register));
                assert_eq!(review.model_changes.len(), 2, "{:?}", review.model_changes);
                // A new account never takes the departed one's id.
                let departed_id = last.accounts.iter().map(|a| a.id).max().expect("accounts");
                assert!(ws.accounts.iter().all(|a| a.id != departed_id));
                assert!(ws.next_account_id > departed_id);
            }
        }
    }

    #[test]
    fn every_key_account_category_is_held_by_a_demo_account() {
        for language in Language::ALL {
            let ws = demo(language, NOWS[0]);
            let settings =
                CategorySettingsDoc::read_or_empty(ws.categories.as_ref()).expect("readable");
            assert_eq!(settings.high_value, Amount(10_000), "100 万元");
            let links = || ws.accounts.iter().map(|a| (a.id, a.parent));
            let groups = group_facts(links());
            let mut held: BTreeMap<Category, Vec<&str>> = BTreeMap::new();
            for account in &ws.accounts {
                let group = groups.get(&account.id).copied().unwrap_or_default();
                assert_eq!(group, group_of(account.id, links()));
                for (category, _) in categories(&development(account), group, &settings) {
                    held.entry(category).or_default().push(&account.name);
                }
            }
            for category in Category::ALL {
                assert!(held.contains_key(&category), "{category:?}: {held:?}");
            }
            let held_by = |index: usize, category: Category| {
                categories(
                    &development(&ws.accounts[index]),
                    groups
                        .get(&ws.accounts[index].id)
                        .copied()
                        .unwrap_or_default(),
                    &settings,
                )
                .iter()
                .any(|(c, _)| *c == category)
            };
            // Quality both ways, high value, potential by volume, by value and awaiting
            // a good payment record, and bad payment in no category.
            assert!(held_by(super::super::demo::WORKED_PLAN, Category::Quality));
            assert!(held_by(REFERRER, Category::Quality));
            assert!(held_by(30, Category::HighValue));
            for index in [5, 6, 36] {
                assert!(held_by(index, Category::Potential), "{index}");
            }
            assert_eq!(development(&ws.accounts[20]).contracts.len(), 1);
            assert!(categories(
                &development(&ws.accounts[20]),
                Default::default(),
                &settings
            )
            .is_empty());
            assert_eq!(held[&Category::Strategic].len(), 2);
            // Only customers have signed contracts.
            for account in &ws.accounts {
                if !development(account).contracts.is_empty() {
                    assert_eq!(
                        account.relationship,
                        Relationship::Customer,
                        "{}",
                        account.name
                    );
                }
            }
        }
    }

    #[test]
    fn the_demo_group_has_three_members_and_no_link_loops() {
        let ws = demo(Language::En, NOWS[0]);
        let parent = ws.accounts[GROUP_PARENT].id;
        let groups = group_facts(ws.accounts.iter().map(|a| (a.id, a.parent)));
        assert_eq!(groups[&parent].members, 3);
        assert_eq!(groups[&parent].parent, None);
        assert_eq!(groups.len(), 4, "one group");
        let parents: BTreeMap<AccountId, AccountId> = ws
            .accounts
            .iter()
            .filter_map(|a| Some((a.id, a.parent?)))
            .collect();
        for (&child, &up) in &parents {
            assert_eq!(
                link_problem(child, up, |id| parents.get(&id).copied()),
                None,
                "{child}"
            );
        }
        // The parent is a large vehicle group, a customer.
        let group = &ws.accounts[GROUP_PARENT];
        assert_eq!(group.size_band, Some(SizeBand::Large));
        assert_eq!(group.segment, ws.accounts[0].segment);
        assert_eq!(group.relationship, Relationship::Customer);
    }

    #[test]
    fn demo_relationships_rise_and_one_falls() {
        use crate::domain::plan::RelationshipLevel::*;
        for now in NOWS {
            let ws = demo(Language::Zh, now);
            let assessed: Vec<AccountDevelopment> = ws
                .accounts
                .iter()
                .map(development)
                .filter(|d| d.assessments.len() >= 2)
                .collect();
            assert!(assessed.len() >= 8);
            let rising = assessed
                .iter()
                .filter(|d| change(&d.assessments).is_some_and(|(a, b)| b > a))
                .count();
            let falling = assessed
                .iter()
                .filter(|d| change(&d.assessments).is_some_and(|(a, b)| b < a))
                .count();
            assert!(rising >= 2, "{rising}");
            assert_eq!(falling, 1);
            assert_eq!(
                change(&development(&ws.accounts[RISING]).assessments),
                Some((Ordinary, Strategic))
            );
            assert_eq!(
                relationship_of(&ws.accounts[FALLING]),
                Some(Initial),
                "falling"
            );
            assert!(
                ws.accounts
                    .iter()
                    .filter(|a| development(a).relationship_state.is_some())
                    .count()
                    >= 3
            );
        }
    }

    #[test]
    fn one_demo_forecast_is_worth_developing_and_one_is_not() {
        let ws = demo(Language::En, NOWS[0]);
        let forecasts: Vec<(&Account, Forecast)> = ws
            .accounts
            .iter()
            .filter_map(|a| Some((a, development(a).forecast?)))
            .collect();
        assert_eq!(forecasts.len(), 3);
        for (account, forecast) in &forecasts {
            assert_eq!(account.relationship, Relationship::Prospect);
            assert!(forecast.problems().is_empty(), "{}", account.name);
        }
        let worth: Vec<bool> = forecasts
            .iter()
            .map(|(_, f)| f.verdict().is_worth())
            .collect();
        assert!(worth.contains(&true) && worth.contains(&false), "{worth:?}");
        assert_eq!(
            development(&ws.accounts[ENTERED])
                .forecast
                .map(|f| f.net_value()),
            Some(Amount(4_800))
        );
    }

    #[test]
    fn the_demo_list_plan_has_no_problems() {
        for language in Language::ALL {
            for now in NOWS {
                let ws = demo(language, now);
                let plan = ListPlanDoc::read_or_empty(ws.list_plan.as_ref()).expect("readable");
                assert_eq!(plan.problems(), vec![]);
                let year = plan.year(clock(now).year()).expect("this year's plan");
                assert_eq!(year.segments.len(), 3);
                assert_eq!(year.segments[0].planned().total(), 100);
                let team = SettingsDoc::read_or_empty(ws.engagement.as_ref())
                    .expect("readable")
                    .team;
                for segment in &year.segments {
                    assert!(ws.segments().contains(&segment.segment));
                    let collector = segment.collector.expect("a collector");
                    assert_eq!(
                        team.get(collector).map(|p| p.role),
                        Some(Role::SegmentManager)
                    );
                }
                // The demo's accounts were collected this year.
                let progress = collected(
                    year,
                    ws.accounts
                        .iter()
                        .map(|a| (a.segment.as_str(), a.size_band, year.year)),
                );
                let total: u32 = progress.iter().map(|p| p.tally.collected_total()).sum();
                assert_eq!(total as usize, ws.accounts.len());
            }
        }
    }

    #[test]
    fn demo_development_documents_are_readable_and_have_no_problems() {
        for language in Language::ALL {
            for now in NOWS {
                let ws = demo(language, now);
                let today = clock(now).date();
                let team = SettingsDoc::read_or_empty(ws.engagement.as_ref())
                    .expect("readable")
                    .team;
                for account in &ws.accounts {
                    let d = development(account);
                    assert_eq!(
                        account.development,
                        DevelopmentDoc::write(&d).expect("writes")
                    );
                    for c in &d.contracts {
                        assert!(c.problems().is_empty());
                        assert!(c.date <= today && (today - c.date).num_days() <= 730);
                    }
                    assert!(d.referrals.iter().all(|r| r.problems().is_empty()));
                    for a in &d.assessments {
                        assert_eq!(a.problems(today), vec![], "{}", account.name);
                        assert!(!a.note.is_empty());
                        assert!(a.by.is_some_and(|id| team.get(id).is_some()));
                    }
                    let ids: BTreeSet<u32> = d
                        .contracts
                        .iter()
                        .map(|c| c.id)
                        .chain(d.referrals.iter().map(|r| r.id))
                        .chain(d.assessments.iter().map(|a| a.id))
                        .collect();
                    assert_eq!(
                        ids.len(),
                        d.contracts.len() + d.referrals.len() + d.assessments.len()
                    );
                    assert!(ids.iter().all(|id| *id > 0 && *id < d.next_id.max(1)));
                }
                assert!(
                    ws.accounts
                        .iter()
                        .filter(|a| a.development.is_some())
                        .count()
                        >= 10
                );
            }
        }
    }

    #[test]
    fn the_demo_keeps_todays_scores_and_accounts() {
        for language in Language::ALL {
            let ws = demo(language, NOWS[0]);
            assert_eq!(ws.accounts.len(), crate::domain::demo::DEMO_SIZE);
            assert_eq!(
                ws.model,
                crate::domain::model::ScoringModel::default_model()
            );
            // Last year's register had one account more, since gone.
            assert_eq!(last_year(&ws).accounts.len(), ws.accounts.len() + 1);
            let tier = |index: usize| assess(&ws.accounts[index], &ws.model, &ws.tiers).effective;
            assert_eq!(tier(RISING), Some(Tier::Tier1));
            assert_eq!(tier(FALLING), Some(Tier::Tier3));
            assert_eq!(tier(ENTERED), Some(Tier::Tier1));
        }
    }

    #[test]
    fn demo_development_speaks_only_the_language_it_was_built_in() {
        let cjk = |c: char| {
            ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        };
        let en = demo(Language::En, NOWS[0]);
        let text: String = en
            .accounts
            .iter()
            .map(|a| format!("{:?}", development(a)))
            .collect();
        assert!(!text.chars().any(cjk), "{text}");
        assert!(!format!("{:?}", en.list_plan).chars().any(cjk));
        let zh = demo(Language::Zh, NOWS[0]);
        let text: String = zh
            .accounts
            .iter()
            .map(|a| format!("{:?}", development(a)))
            .collect();
        assert!(!text.contains("(demo") && text.contains("（示例）"));
    }

    #[test]
    fn the_demo_with_its_development_is_the_same_every_time_in_both_languages() {
        for language in Language::ALL {
            for now in NOWS {
                assert_eq!(demo(language, now), demo(language, now), "{now}");
            }
        }
        // Both languages hold the same figures, dates and links.
        let figures = |ws: &Workspace| {
            ws.accounts
                .iter()
                .map(|a| {
                    let mut d = development(a);
                    d.contracts.iter_mut().for_each(|c| c.note.clear());
                    d.referrals.iter_mut().for_each(|r| r.name.clear());
                    d.assessments.iter_mut().for_each(|x| x.note.clear());
                    let flag = d.strategic.take().map(|f| f.at());
                    (a.parent, format!("{d:?}"), flag)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            figures(&demo(Language::Zh, NOWS[0])),
            figures(&demo(Language::En, NOWS[0]))
        );
    }
}
