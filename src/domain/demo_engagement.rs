//! Engagement for the trainers' demo (`demo`, KAM-SPEC §2.3.3, §2.3.5, §5): our people
//! in two regional teams, the owners of every target account, its development pipeline,
//! a year of contacts at its tier's cadence, promotion plans on a few accounts and the
//! inbound inquiries of this month and last. This module owns only the demo's data:
//! every rule the data shows off is the engagement core's (`domain::engagement`), and
//! every date is relative to the moment the demo is loaded, so a workshop always sees
//! contacts overdue and due soon, stuck accounts and inquiries in every deadline state.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, TimeDelta, Timelike};

use super::account::{Account, Relationship};
use super::engagement::activity::{Activity, ActivityKind};
use super::engagement::cadence::{cadence_state, CadenceState, Interval};
use super::engagement::inquiry::{Importance, Inquiry, TargetDecision};
use super::engagement::pipeline::{Pipeline, Stage, StageChange, StuckLimits};
use super::engagement::promotion::{Effect, Promotion, PromotionForm, Support};
use super::engagement::team::{ColleagueId, Role, Team};
use super::engagement::{
    AccountEngagement, EngagementDoc, EngagementSettings, InquiryDoc, InquiryLog, SettingsDoc,
};
use super::plan::people::{BuyingRole, Person};
use super::text::Language;
use super::tiering::{assess, Tier};
use super::workspace::Workspace;

/// Our people: role and team (0 East, 1 South), in the order of `Words::people`.
const STAFF: [(Role, usize); 8] = [
    (Role::BuHead, 0),
    (Role::SegmentManager, 0),
    (Role::SegmentManager, 1),
    (Role::AccountManager, 0),
    (Role::AccountManager, 0),
    (Role::AccountManager, 1),
    (Role::Researcher, 1),
    (Role::ExternalRelations, 0),
];
const BU_HEAD: usize = 0;
const RESEARCHER: usize = 6;
const RELATIONS: usize = 7;

/// A promotion plan of the demo; its words are in `Words::promotions`.
struct PromotionPlan {
    /// The account, by index.
    account: usize,
    form: PromotionForm,
    done: bool,
    effect: Effect,
    /// The part of the person it aims at, found in the account's plan (no plan with
    /// people, no target).
    aims_at: Option<BuyingRole>,
    /// Who supports it (a `STAFF` index), and by when in days from today.
    supporter: usize,
    by: i64,
}

/// Every form and effect, on tier-1 and tier-2 accounts only: the worked plan's seminar
/// that won R&D over and the executive visit it plans, a launch that failed, materials
/// refreshed for a tier-2 customer, a seminar planned for a prospect.
const PROMOTIONS: [PromotionPlan; 5] = [
    PromotionPlan {
        account: super::demo::WORKED_PLAN,
        form: PromotionForm::Seminar,
        done: true,
        effect: Effect::Success,
        aims_at: Some(BuyingRole::Adviser),
        supporter: RESEARCHER,
        by: -130,
    },
    PromotionPlan {
        account: super::demo::WORKED_PLAN,
        form: PromotionForm::Visit,
        done: false,
        effect: Effect::Open,
        aims_at: Some(BuyingRole::DecisionMaker),
        supporter: BU_HEAD,
        by: 21,
    },
    PromotionPlan {
        account: 21,
        form: PromotionForm::ProductLaunch,
        done: true,
        effect: Effect::Failure,
        aims_at: None,
        supporter: RELATIONS,
        by: -75,
    },
    PromotionPlan {
        account: 1,
        form: PromotionForm::Materials,
        done: true,
        effect: Effect::Success,
        aims_at: None,
        supporter: RESEARCHER,
        by: -40,
    },
    PromotionPlan {
        account: 3,
        form: PromotionForm::Seminar,
        done: false,
        effect: Effect::Open,
        aims_at: None,
        supporter: 1,
        by: 18,
    },
];

struct Words {
    /// The two regional teams.
    teams: [&'static str; 2],
    /// Our people, in the order of `STAFF`.
    people: [&'static str; 8],
    /// Two notes per kind of contact, in the order of `ActivityKind::ALL`.
    notes: [[&'static str; 2]; 8],
    first_contact: &'static str,
    next_steps: [&'static str; 6],
    /// The worked plan's next step: its action plan's visit to the chief engineer.
    worked_next_step: &'static str,
    lost_reason: &'static str,
    /// Per promotion plan (as `PROMOTIONS`): purpose, products, how a pilot's success
    /// is measured, the supporter's duty, and why it worked or failed.
    promotions: [[&'static str; 5]; 5],
    /// Company, industry, customer category, contact, position, request.
    inquiries: [[&'static str; 6]; 9],
    /// The request of the caller who became a target account, and its category.
    target_request: &'static str,
    target_category: &'static str,
    not_target_reason: &'static str,
}

const ZH: Words = Words {
    teams: ["华东", "华南"],
    people: [
        "陈国栋",
        "林海燕",
        "吴志强",
        "黄晓丽",
        "郑凯",
        "何俊",
        "许文静",
        "马骏",
    ],
    notes: [
        [
            "双方高层会晤，确认明年合作重点（示例）",
            "战略会议：讨论新平台合作方式（示例）",
        ],
        [
            "技术交流：介绍座舱控制器和在线升级（示例）",
            "现场技术支持，解决调试问题（示例）",
        ],
        [
            "季度计划会，对齐交付和项目节点（示例）",
            "月度计划会，回顾行动计划（示例）",
        ],
        [
            "参加客户供应商大会（示例）",
            "联合团队活动，加深了解（示例）",
        ],
        [
            "为客户工程师举办管理培训（示例）",
            "安排客户考察我方工厂（示例）",
        ],
        [
            "例行拜访，了解近期需求（示例）",
            "例行拜访采购部，更新报价（示例）",
        ],
        ["商务招待，交流行业动态（示例）", "季度招待（示例）"],
        [
            "电话沟通交付进度（示例）",
            "邮件发送产品资料和成功案例（示例）",
        ],
    ],
    first_contact: "初次接触：电话介绍我方能力，约定拜访（示例）",
    next_steps: [
        "提交报价（示例）",
        "安排技术交流（示例）",
        "发送成功案例（示例）",
        "约见采购经理（示例）",
        "邀请参加研讨会（示例）",
        "回访使用情况（示例）",
    ],
    worked_next_step: "拜访孙工，演示在线升级方案（示例）",
    lost_reason: "客户选择了竞争对手的低价方案（示例）",
    promotions: [
        [
            "座舱电子研讨会：让研发中心了解在线升级（示例）",
            "座舱控制器、在线升级软件",
            "研发中心同意在一条产线试点",
            "准备成功案例和演示",
            "研发中心要求试点报价（示例）",
        ],
        [
            "高层拜访副总经理，争取 2027 新平台（示例）",
            "平台化座舱方案",
            "进入新平台短名单",
            "陪同拜访，介绍合作愿景",
            "",
        ],
        [
            "新产品发布会：第二条产品线（示例）",
            "新一代控制器",
            "两个工厂报名试用",
            "场地和邀请",
            "与客户年底停产检修冲突，只来了两人（示例）",
        ],
        [
            "季度更新产品资料（示例）",
            "现有产品线",
            "采购部把我方列入明年集中采购名单",
            "整理资料和案例",
            "采购部确认收到并已转给评审组（示例）",
        ],
        [
            "小型研讨会：新能源平台电子方案（示例）",
            "座舱控制器",
            "获得技术评估机会",
            "确定日期和议程",
            "",
        ],
    ],
    inquiries: [
        [
            "申江物流有限公司（示例）",
            "物流",
            "企业",
            "周先生",
            "车队经理",
            "车队车载终端改造，询问方案和报价",
        ],
        [
            "恒通汽车部件有限公司（示例）",
            "汽车零部件",
            "企业",
            "吴女士",
            "采购主管",
            "索取控制器产品资料",
        ],
        [
            "南粤新能源客车有限公司（示例）",
            "整车制造",
            "企业",
            "郑工",
            "电子部经理",
            "新车型需要座舱控制器，希望尽快交流",
        ],
        [
            "滨海市公交集团（示例）",
            "公共交通",
            "事业单位",
            "冯科长",
            "设备科科长",
            "询问公交车智能终端的维保服务",
        ],
        [
            "金港汽车租赁有限公司（示例）",
            "汽车租赁",
            "企业",
            "何经理",
            "运营经理",
            "索取车队管理系统资料",
        ],
        [
            "星光驾驶培训学校（示例）",
            "培训",
            "学校",
            "钱校长",
            "校长",
            "教练车需要少量终端，预算很小",
        ],
        [
            "沪通汽车电子有限公司（示例）",
            "汽车电子",
            "企业",
            "孙经理",
            "研发经理",
            "询问联合开发的合作方式",
        ],
        [
            "华南汽车检测中心（示例）",
            "检测认证",
            "事业单位",
            "陆主任",
            "技术主任",
            "检测设备联网项目，索取资料",
        ],
        [
            "东港专用车有限公司（示例）",
            "整车制造",
            "企业",
            "韩总",
            "总经理",
            "了解我方产品和参考客户",
        ],
    ],
    target_request: "计划明年扩建网点，询问整体方案",
    target_category: "企业",
    not_target_reason: "需求量太小，按分级原则不投入资源（示例）",
};

const EN: Words = Words {
    teams: ["East", "South"],
    people: [
        "Chen Guodong",
        "Lin Haiyan",
        "Wu Zhiqiang",
        "Huang Xiaoli",
        "Zheng Kai",
        "He Jun",
        "Xu Wenjing",
        "Ma Jun",
    ],
    notes: [
        [
            "Executive meeting: agreed next year's priorities (demo)",
            "Strategy meeting on working together on the new platform (demo)",
        ],
        [
            "Technical exchange: cockpit controller and over-the-air updates (demo)",
            "On-site support, commissioning issue solved (demo)",
        ],
        [
            "Quarterly planning meeting on deliveries and milestones (demo)",
            "Monthly planning meeting, action plan reviewed (demo)",
        ],
        ["At their supplier day (demo)", "Joint team event (demo)"],
        [
            "Management training for their engineers (demo)",
            "Their team visited our plant (demo)",
        ],
        [
            "Routine visit: current needs (demo)",
            "Routine visit to purchasing, prices updated (demo)",
        ],
        [
            "Business dinner, industry news (demo)",
            "Quarterly hospitality (demo)",
        ],
        [
            "Call about delivery progress (demo)",
            "Sent product materials and success cases (demo)",
        ],
    ],
    first_contact: "First contact: call introducing what we do, visit agreed (demo)",
    next_steps: [
        "Send the quotation (demo)",
        "Arrange a technical exchange (demo)",
        "Send success cases (demo)",
        "Meet the purchasing manager (demo)",
        "Invite them to the seminar (demo)",
        "Check how the pilot is used (demo)",
    ],
    worked_next_step: "Visit Sun Gang to show the over-the-air update solution (demo)",
    lost_reason: "They chose the competitor's lower bid (demo)",
    promotions: [
        [
            "Cockpit electronics seminar: show R&D over-the-air updates (demo)",
            "Cockpit controller, over-the-air update software",
            "R&D agrees to a pilot on one line",
            "Success cases and a live demo",
            "R&D asked for a pilot quotation (demo)",
        ],
        [
            "Executive visit to the deputy GM for the 2027 platform (demo)",
            "Platform cockpit solution",
            "On the new platform's short list",
            "Joins the visit, presents the partnership",
            "",
        ],
        [
            "Product launch: the second product line (demo)",
            "Next-generation controller",
            "Two plants sign up for a trial",
            "Venue and invitations",
            "Clashed with their year-end shutdown; only two people came (demo)",
        ],
        [
            "Quarterly refresh of product materials (demo)",
            "Current product lines",
            "Purchasing lists us for next year's central purchasing",
            "Materials and cases compiled",
            "Purchasing confirmed and passed them to the review panel (demo)",
        ],
        [
            "Small seminar: electronics for the EV platform (demo)",
            "Cockpit controller",
            "A technical evaluation",
            "Date and agenda",
            "",
        ],
    ],
    inquiries: [
        [
            "Shenjiang Logistics Co. (demo)",
            "Logistics",
            "Enterprise",
            "Mr Zhou",
            "Fleet Manager",
            "Retrofit of fleet on-board units: solution and price",
        ],
        [
            "Hengtong Auto Parts Co. (demo)",
            "Auto parts",
            "Enterprise",
            "Ms Wu",
            "Purchasing Lead",
            "Asked for controller product materials",
        ],
        [
            "Nanyue EV Coaches Co. (demo)",
            "Vehicle makers",
            "Enterprise",
            "Mr Zheng",
            "Electronics Manager",
            "A new model needs a cockpit controller; wants to talk soon",
        ],
        [
            "Binhai City Bus Group (demo)",
            "Public transport",
            "Public institution",
            "Mr Feng",
            "Head of Equipment",
            "Service for the buses' smart terminals",
        ],
        [
            "Jingang Car Rental Co. (demo)",
            "Car rental",
            "Enterprise",
            "Mr He",
            "Operations Manager",
            "Asked for fleet management materials",
        ],
        [
            "Xingguang Driving School (demo)",
            "Training",
            "School",
            "Mr Qian",
            "Principal",
            "A few terminals for training cars, small budget",
        ],
        [
            "Hutong Auto Electronics Co. (demo)",
            "Auto electronics",
            "Enterprise",
            "Mr Sun",
            "R&D Manager",
            "How joint development would work",
        ],
        [
            "South China Vehicle Testing Centre (demo)",
            "Testing",
            "Public institution",
            "Mr Lu",
            "Technical Director",
            "Networking of test equipment: materials",
        ],
        [
            "Donggang Special Vehicles Co. (demo)",
            "Vehicle makers",
            "Enterprise",
            "Mr Han",
            "General Manager",
            "Our products and reference customers",
        ],
    ],
    target_request: "Plans more branches next year; asked for a complete solution",
    target_category: "Enterprise",
    not_target_reason: "Too small a need: the tier principles put no resources there (demo)",
};

/// Where an account is meant to stand against its cadence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    OnTime,
    DueSoon,
    Overdue,
}

/// A fourth of each tier overdue, a fourth due soon, the rest on time (by the account's
/// place in its tier).
fn wanted_state(place: usize) -> Want {
    match place % 4 {
        1 => Want::Overdue,
        2 => Want::DueSoon,
        _ => Want::OnTime,
    }
}

fn days_before(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(days)).unwrap_or(day)
}

fn days_after(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    day.and_hms_opt(hour, minute, 0).unwrap_or_default()
}

/// `from` moved back by `times` intervals (whole months stay on their day of the month).
fn back(interval: Interval, from: NaiveDate, times: u32) -> Option<NaiveDate> {
    match interval {
        Interval::Months(m) => from.checked_sub_months(Months::new(m.checked_mul(times)?)),
        Interval::Days(d) => from.checked_sub_days(Days::new(u64::from(d) * u64::from(times))),
    }
}

/// The last contact that puts an account where `want` says on `today`, by the core's own
/// cadence rule; none when no contact since `since` can (an account met only lately is
/// on time whatever).
fn last_contact_for(
    contacts_per_year: u32,
    since: NaiveDate,
    today: NaiveDate,
    want: Want,
    vary: i64,
) -> Option<NaiveDate> {
    let interval = Interval::from_contacts_per_year(contacts_per_year)?;
    let soon = interval.due_soon_days();
    let half = i64::from(interval.approximate_days()) / 2;
    (1..=400)
        .map(|d| days_before(today, d))
        .take_while(|day| *day >= since)
        .find(
            |day| match cadence_state(contacts_per_year, Some(*day), None, today) {
                CadenceState::OnTime { days_left, .. } => {
                    want == Want::OnTime && days_left <= half - vary
                }
                CadenceState::DueSoon { days_left, .. } => {
                    want == Want::DueSoon && days_left * 2 <= soon
                }
                CadenceState::Overdue { days_over, .. } => {
                    want == Want::Overdue && days_over >= soon + vary * 3
                }
                CadenceState::NotPlanned | CadenceState::NeverContacted => false,
            },
        )
}

/// The kinds of contact a tier's service actions call for (KAM-SPEC §2.3.3): tier 1
/// everything from executive meetings to hospitality, tier 2 planning meetings and
/// hospitality at low cost, tier 3 technical news and small events.
fn kinds(tier: Tier) -> &'static [ActivityKind] {
    use ActivityKind::*;
    match tier {
        Tier::Tier1 => &[
            RoutineVisit,
            PlanningMeeting,
            TechnicalExchange,
            ExecutiveMeeting,
            Hospitality,
            PhoneOrEmail,
            BusinessEvent,
            Training,
        ],
        Tier::Tier2 => &[PlanningMeeting, RoutineVisit, Hospitality, PhoneOrEmail],
        Tier::Tier3 | Tier::NotPursued => {
            &[TechnicalExchange, PhoneOrEmail, RoutineVisit, BusinessEvent]
        }
    }
}

/// Selling time a contact of this kind takes, in tenths of an hour.
fn tenths(kind: ActivityKind) -> u32 {
    match kind {
        ActivityKind::ExecutiveMeeting => 40,
        ActivityKind::TechnicalExchange => 60,
        ActivityKind::PlanningMeeting => 30,
        ActivityKind::BusinessEvent => 50,
        ActivityKind::Training => 80,
        ActivityKind::RoutineVisit => 25,
        ActivityKind::Hospitality => 30,
        ActivityKind::PhoneOrEmail => 5,
    }
}

/// The contact a person of the decision-making unit was last met at, by their part.
fn kind_for(person: &Person) -> ActivityKind {
    match person.role {
        Some(BuyingRole::DecisionMaker) => ActivityKind::ExecutiveMeeting,
        Some(BuyingRole::Champion) => ActivityKind::PlanningMeeting,
        Some(BuyingRole::Adviser | BuyingRole::User) => ActivityKind::TechnicalExchange,
        _ => ActivityKind::RoutineVisit,
    }
}

/// Where an account's pipeline stands.
struct Course {
    stage: Stage,
    /// Days since the stage began.
    days: u64,
    /// Seminars held (the seminars stage).
    seminars: u32,
}

/// The stage of the `place`-th account of its group: customers mostly closed won,
/// some with a new project under way; prospects further along the higher their tier.
/// The second prospect of each tier is stuck, beyond the default limit of its stage.
fn course(customer: bool, tier: Tier, place: usize) -> Course {
    use Stage::*;
    let cycle: &[Stage] = match (customer, tier) {
        (true, _) => &[Won, Negotiating, Won, Seminars, Won, DraftingProposal],
        (false, Tier::Tier1) => &[
            Negotiating,
            DraftingProposal,
            Seminars,
            Negotiating,
            Seminars,
            DraftingProposal,
        ],
        (false, Tier::Tier2) => &[
            Seminars,
            FirstContact,
            Lost,
            DraftingProposal,
            Seminars,
            Negotiating,
        ],
        (false, _) => &[FirstContact, Seminars, FirstContact, Seminars, Seminars],
    };
    let stage = cycle[place % cycle.len()];
    let stuck = !customer && place == 1;
    let place = place as u64;
    let days = match StuckLimits::default().for_stage(stage) {
        Some(limit) if stuck => u64::from(limit) + 20 + 10 * place,
        Some(limit) => u64::from(limit) * (1 + place % 3) / 5,
        None => 40 + 35 * place,
    };
    Course {
        stage,
        days: days.max(8),
        seminars: 1 + (place % 3) as u32,
    }
}

/// The dated changes that bring an account to `course` on `today`, each stage `gap`
/// days after the last; another seminar raises the count without restarting the stage.
fn pipeline_for(course: &Course, today: NaiveDate, gap: u64, lost_reason: &str) -> Pipeline {
    use Stage::*;
    let before: &[(Stage, u32)] = match course.stage {
        FirstContact => &[],
        Seminars => &[(FirstContact, 0)],
        DraftingProposal => &[(FirstContact, 0), (Seminars, 1), (Seminars, 2)],
        Negotiating => &[(FirstContact, 0), (Seminars, 1), (DraftingProposal, 0)],
        Won => &[
            (FirstContact, 0),
            (Seminars, 1),
            (Seminars, 2),
            (DraftingProposal, 0),
            (Negotiating, 0),
        ],
        Lost => &[
            (FirstContact, 0),
            (Seminars, 1),
            (DraftingProposal, 0),
            (Negotiating, 0),
        ],
    };
    let start = days_before(today, course.days);
    let change = |stage, on, seminars| StageChange {
        stage,
        on,
        seminars,
        reason: if stage == Lost {
            lost_reason.to_owned()
        } else {
            String::new()
        },
    };
    let mut changes: Vec<StageChange> = before
        .iter()
        .enumerate()
        .map(|(k, &(stage, seminars))| {
            let steps = (before.len() - k) as u64;
            change(stage, days_before(start, gap * steps), seminars)
        })
        .collect();
    if course.stage == Seminars {
        // Seminar n of the stage, spread over the time in it.
        for n in 1..=course.seminars {
            let into = course.days * u64::from(n - 1) / u64::from(course.seminars);
            changes.push(change(Seminars, days_after(start, into), n));
        }
    } else {
        changes.push(change(course.stage, start, 0));
    }
    let mut pipeline = Pipeline::default();
    for c in changes {
        // The changes above are in order and complete; were one refused, the account
        // keeps the stages before it.
        if pipeline.advance(c).is_err() {
            break;
        }
    }
    pipeline
}

/// The ids of our people, in the order of `STAFF`; none if a name were refused (the
/// names are distinct, so they never are).
fn add_team(team: &mut Team, w: &Words) -> Option<[ColleagueId; 8]> {
    let mut ids = [0; 8];
    for ((id, name), (role, unit)) in ids.iter_mut().zip(w.people).zip(STAFF) {
        *id = team.add(name, role, w.teams[unit]).ok()?;
    }
    Some(ids)
}

/// What every contact of one account is made of.
struct Log<'a> {
    index: usize,
    tier: Tier,
    w: &'a Words,
    staff: &'a [ColleagueId; 8],
    overall: ColleagueId,
    daily: ColleagueId,
    since: NaiveDate,
    people: &'a [Person],
}

impl Log<'_> {
    fn activity(&self, day: NaiveDate, k: usize) -> Activity {
        let i = self.index;
        let pinned = self.people.iter().find(|p| p.last_contact == Some(day));
        let cycle = kinds(self.tier);
        let kind = match pinned {
            _ if day == self.since => ActivityKind::PhoneOrEmail,
            Some(person) => kind_for(person),
            None => cycle[(i + k) % cycle.len()],
        };
        let mut ours = vec![self.daily];
        match kind {
            ActivityKind::ExecutiveMeeting | ActivityKind::PlanningMeeting => {
                ours.push(self.overall)
            }
            ActivityKind::TechnicalExchange | ActivityKind::Training => {
                ours.push(self.staff[RESEARCHER])
            }
            ActivityKind::BusinessEvent | ActivityKind::Hospitality => {
                ours.push(self.staff[RELATIONS])
            }
            ActivityKind::RoutineVisit | ActivityKind::PhoneOrEmail => {}
        }
        // Everyone met on their last-contact date, and some of those met again later;
        // so each person's last contact in the plan is their latest in the log.
        let theirs = self
            .people
            .iter()
            .enumerate()
            .filter(|(n, p)| match p.last_contact {
                Some(last) if last == day => true,
                Some(last) => last > day && (k + n).is_multiple_of(3),
                None => false,
            })
            .map(|(_, p)| p.id)
            .collect();
        let note = if day == self.since {
            self.w.first_contact
        } else {
            self.w.notes[ActivityKind::ALL
                .iter()
                .position(|x| *x == kind)
                .unwrap_or(0)][(i + k) % 2]
        };
        let (hour, minute) = [(9, 30), (10, 0), (14, 0), (15, 30)][(i + k) % 4];
        Activity {
            id: 0,
            at: at(day, hour, minute),
            kind,
            ours,
            theirs,
            tenths_of_hours: tenths(kind) + 5 * (i % 3) as u32,
            notes: note.to_owned(),
            next_step: String::new(),
            next_step_on: None,
        }
    }
}

/// The days of an account's contacts, newest first: the last one `last`, then one an
/// interval apart back to a year ago or to the first contact on `since`; plus the days
/// the people of its plan were last met (`pins`), which replace any contact within a
/// week of them.
fn contact_days(
    interval: Option<Interval>,
    last: NaiveDate,
    since: NaiveDate,
    today: NaiveDate,
    pins: &[NaiveDate],
    vary: usize,
) -> Vec<NaiveDate> {
    let year_ago = days_before(today, 365);
    let earliest = since.max(year_ago);
    let mut days = vec![last];
    if let Some(interval) = interval {
        for times in 1..=24 {
            // A few days' slack, as real contacts never fall on the exact day.
            let Some(day) = back(interval, last, times)
                .map(|d| days_before(d, ((vary + times as usize) % 4) as u64))
            else {
                break;
            };
            if day <= earliest {
                break;
            }
            days.push(day);
        }
    }
    if since >= year_ago && since < last {
        if days.len() > 1 && days.last().is_some_and(|d| (*d - since).num_days() < 14) {
            days.pop();
        }
        days.push(since);
    }
    for pin in pins.iter().filter(|p| **p >= since && **p < today) {
        days.retain(|d| d == pin || (*d - *pin).num_days().abs() > 7);
        days.push(*pin);
    }
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    days
}

/// Adds the demo's engagement to `ws`, the demo workspace in `language` stamped with
/// `now` (ms since the epoch): our people and owners, pipelines, contacts and promotion
/// plans of the target accounts by their tier in force, and the inquiry log. Dates run
/// from `now` as the demo's plans do.
pub fn add_demo_engagement(ws: &mut Workspace, language: Language, now: i64) {
    let w = match language {
        Language::Zh => &ZH,
        Language::En => &EN,
    };
    let clock = chrono::DateTime::from_timestamp_millis(now)
        .map(|d| d.naive_utc())
        .unwrap_or_default();
    let clock = clock
        .with_second(0)
        .and_then(|c| c.with_nanosecond(0))
        .unwrap_or(clock);
    let today = clock.date();
    let mut team = Team::default();
    let Some(staff) = add_team(&mut team, w) else {
        return;
    };
    let tiers: Vec<Option<Tier>> = ws
        .accounts
        .iter()
        .map(|a| assess(a, &ws.model, &ws.tiers).effective)
        .collect();

    // Inquiries already answered were received from the first of last month to a week
    // ago; `history(p)` is p% of the way.
    let month_start = today.with_day(1).unwrap_or(today);
    let last_month = month_start
        .checked_sub_months(Months::new(1))
        .unwrap_or(month_start);
    let span = (days_before(today, 8) - last_month).num_days().max(0) as u64;
    let history = |percent: u64| days_after(last_month, span * percent / 100);

    // The caller who became a target: the last tier-3 prospect, met three days after
    // the call.
    let made_target = (0..ws.accounts.len()).rev().find(|&i| {
        tiers[i] == Some(Tier::Tier3) && ws.accounts[i].relationship == Relationship::Prospect
    });
    let target_call = at(history(25), 10, 40);

    let mut tier_places = [0usize; 3];
    // The states still owed to the accounts of each tier: an account met too lately to
    // be overdue or due soon passes its state on to the next of its tier.
    let mut owed: [Vec<Want>; 3] = Default::default();
    let mut group_places = [0usize; 4];
    let mut east_daily = 0usize;
    for (i, account) in ws.accounts.iter_mut().enumerate() {
        let tier = match tiers[i] {
            Some(tier @ (Tier::Tier1 | Tier::Tier2 | Tier::Tier3)) => tier,
            // No resources go to an account not pursued: no owners, no engagement.
            _ => continue,
        };
        let customer = account.relationship == Relationship::Customer;
        // Dealers and services are the South team's, makers and parts the East's.
        let unit = usize::from(i % 3 == 2);
        let overall = if customer && tier == Tier::Tier1 {
            staff[BU_HEAD]
        } else {
            staff[1 + unit]
        };
        let daily = if unit == 0 {
            east_daily += 1;
            staff[3 + east_daily % 2]
        } else {
            staff[5]
        };
        account.overall_owner = Some(overall);
        account.daily_owner = Some(daily);

        let tier_place = &mut tier_places[tier as usize];
        let place_in_tier = *tier_place;
        *tier_place += 1;
        let group = if customer { 3 } else { tier as usize };
        let place = if i == super::demo::WORKED_PLAN {
            0
        } else {
            group_places[group] += 1;
            group_places[group] - 1
        };

        let mut progress = course(customer, tier, place);
        if i == super::demo::WORKED_PLAN {
            // The worked plan's first platform proposal is being written (its overdue
            // action), a few weeks after the technical exchange day.
            progress = Course {
                stage: Stage::DraftingProposal,
                days: 20,
                seminars: 1,
            };
        }
        if Some(i) == made_target {
            progress = Course {
                stage: Stage::FirstContact,
                days: (today - target_call.date()).num_days().max(3) as u64 - 3,
                seminars: 1,
            };
        }
        // Prospects take longer from stage to stage than customers we already know.
        let gap = if customer { 25 } else { 40 } + 10 * (i % 4) as u64;
        let pipeline = pipeline_for(&progress, today, gap, w.lost_reason);
        let first = pipeline.changes.first().map_or(today, |c| c.on);
        // A customer has been one for years (the worked plan's since 2021, as it says).
        let since = if !customer {
            first
        } else if i == super::demo::WORKED_PLAN {
            NaiveDate::from_ymd_opt(2021, 4, 12)
                .filter(|d| *d < days_before(today, 730))
                .unwrap_or_else(|| days_before(today, 1_800))
        } else {
            days_before(today, 365 * (3 + (i % 4) as u64) + 11 * i as u64)
        }
        .min(first);

        let people: Vec<Person> = account
            .plan
            .as_ref()
            .and_then(|p| p.read().ok())
            .map(|p| p.people)
            .unwrap_or_default();
        let pins: Vec<NaiveDate> = people.iter().filter_map(|p| p.last_contact).collect();
        let contacts_per_year = ws.tiers.contact_plan.for_tier(tier).contacts_per_year;
        let interval = Interval::from_contacts_per_year(contacts_per_year);
        let owed = &mut owed[tier as usize];
        let wanted = wanted_state(place_in_tier);
        if wanted != Want::OnTime && Some(i) != made_target {
            owed.push(wanted);
        }
        let vary = (i % 3) as i64;
        let owing = owed
            .first()
            .copied()
            .filter(|_| Some(i) != made_target)
            .and_then(|w| {
                Some((
                    w,
                    last_contact_for(contacts_per_year, since, today, w, vary)?,
                ))
            });
        let last = match owing {
            Some((_, last)) => {
                owed.remove(0);
                last
            }
            None => last_contact_for(contacts_per_year, since, today, Want::OnTime, vary)
                .unwrap_or(since),
        };
        let days = contact_days(interval, last, since, today, &pins, i);

        let log = Log {
            index: i,
            tier,
            w,
            staff: &staff,
            overall,
            daily,
            since,
            people: &people,
        };
        let mut engagement = AccountEngagement {
            since: Some(since),
            pipeline,
            ..AccountEngagement::default()
        };
        // Logged oldest first, as they happened; the newest plans the next step.
        for (k, day) in days.iter().enumerate().rev() {
            let mut activity = log.activity(*day, k);
            if k == 0 {
                let state = cadence_state(contacts_per_year, Some(*day), Some(since), today);
                plan_next_step(&mut activity, i, tier, state, today, w);
            }
            engagement.log(activity);
        }
        for (plan, words) in PROMOTIONS.iter().zip(w.promotions) {
            if plan.account != i || !matches!(tier, Tier::Tier1 | Tier::Tier2) {
                continue;
            }
            let [purpose, products, measure, duty, reason] = words;
            let by = if plan.by < 0 {
                days_before(today, plan.by.unsigned_abs())
            } else {
                days_after(today, plan.by.unsigned_abs())
            };
            let id = engagement.take_id();
            engagement.promotions.push(Promotion {
                id,
                purpose: purpose.to_owned(),
                products: products.to_owned(),
                success_measure: measure.to_owned(),
                // Only a person of this account's decision-making unit.
                target_person: plan
                    .aims_at
                    .and_then(|role| people.iter().find(|p| p.role == Some(role)).map(|p| p.id)),
                form: plan.form,
                support: vec![Support {
                    who: w.people[plan.supporter].to_owned(),
                    duty: duty.to_owned(),
                    by: Some(by),
                }],
                done: plan.done,
                effect: plan.effect,
                effect_reason: if plan.effect == Effect::Open {
                    String::new()
                } else {
                    reason.to_owned()
                },
            });
        }
        account.engagement = EngagementDoc::write(&engagement).ok().flatten();
    }

    ws.engagement = SettingsDoc::write(&EngagementSettings {
        team,
        stuck_limits: StuckLimits::default(),
    })
    .ok()
    .flatten();
    let target = made_target.and_then(|i| ws.accounts.get(i));
    ws.inquiries = InquiryDoc::write(&inquiries(w, &staff, clock, &history, target, target_call))
        .ok()
        .flatten();
}

/// What the newest contact of an account plans next, given where the account then
/// stands against its cadence: on the due date when due soon; when on time, before the
/// due date — within this month for tier 1 (so the month's calendar shows it), in the
/// coming weeks for some others; nothing when overdue, which is why it is overdue.
fn plan_next_step(
    activity: &mut Activity,
    i: usize,
    tier: Tier,
    state: CadenceState,
    today: NaiveDate,
    w: &Words,
) {
    let month_end = today
        .with_day(1)
        .and_then(|d| d.checked_add_months(Months::new(1)))
        .and_then(|d| d.pred_opt())
        .unwrap_or(today);
    if i == super::demo::WORKED_PLAN {
        // The visit to the chief engineer in the worked plan's action plan.
        activity.next_step = w.worked_next_step.to_owned();
        activity.next_step_on = Some(days_after(today, 10));
        return;
    }
    let on = match state {
        CadenceState::DueSoon { due, .. } => Some(due),
        CadenceState::OnTime { due, .. } if tier == Tier::Tier1 => Some(
            days_after(today, 2 + 4 * (i % 4) as u64)
                .min(month_end)
                .min(due),
        ),
        CadenceState::OnTime { due, .. } if i.is_multiple_of(2) => {
            Some(days_after(today, 10 + (i % 5) as u64 * 3).min(due))
        }
        _ => None,
    };
    if let Some(on) = on {
        activity.next_step = w.next_steps[i % w.next_steps.len()].to_owned();
        activity.next_step_on = Some(on);
    }
}

/// The inquiry log: ten calls of this month and last, in every deadline state on
/// `clock`. The open ones are timed by the service steps with the longest clocks (the
/// 48-hour answer, the 7-day follow-up), so their state holds whatever the time zone of
/// the browser that shows them.
fn inquiries(
    w: &Words,
    staff: &[ColleagueId; 8],
    clock: NaiveDateTime,
    history: &dyn Fn(u64) -> NaiveDate,
    target: Option<&Account>,
    target_call: NaiveDateTime,
) -> InquiryLog {
    let ago = |days: i64, hours: i64| clock - TimeDelta::days(days) - TimeDelta::hours(hours);
    let after = |t: NaiveDateTime, minutes: i64| Some(t + TimeDelta::minutes(minutes));
    let (h, d) = (60, 24 * 60);
    let mut log = InquiryLog::default();
    let add = |n: usize, importance, handler: usize, received: NaiveDateTime| {
        let [company, industry, category, contact, position, request] = w.inquiries[n];
        Inquiry {
            id: 0,
            received_at: Some(received),
            logged_at: None,
            company: company.to_owned(),
            industry: industry.to_owned(),
            category: category.to_owned(),
            contact: contact.to_owned(),
            position: position.to_owned(),
            phone: format!("020-5550 {:04}", 700 + n),
            email: format!("inquiry{:02}@demo.example", n + 1),
            request: request.to_owned(),
            importance,
            handler: Some(staff[handler]),
            ..Inquiry::default()
        }
    };
    let mut list = Vec::new();
    // Overdue: a minor call not answered within 48 hours.
    let r = ago(3, 2);
    list.push(Inquiry {
        logged_at: after(r, 10),
        reported_at: after(r, 4 * h),
        ..add(0, Importance::Minor, 5, r)
    });
    // Overdue: materials sent, no follow-up within 7 days.
    let r = ago(12, 0);
    list.push(Inquiry {
        logged_at: after(r, 5),
        reported_at: after(r, 2 * h),
        answered_at: after(r, 6 * h),
        materials_sent_at: after(r, d),
        ..add(1, Importance::Important, 3, r)
    });
    // Due soon: the follow-up falls due within a day.
    let r = ago(6, 6);
    list.push(Inquiry {
        logged_at: after(r, 10),
        reported_at: after(r, 3 * h),
        answered_at: after(r, 4 * h),
        materials_sent_at: after(r, 4 * h),
        ..add(2, Importance::Important, 4, r)
    });
    // Open: received two hours ago, reported, the answer due within 48 hours.
    let r = ago(0, 2);
    list.push(Inquiry {
        logged_at: after(r, 15),
        reported_at: after(r, h),
        ..add(3, Importance::Minor, 5, r)
    });
    // Open: materials sent two days ago, the follow-up due in five days.
    let r = ago(2, 0);
    list.push(Inquiry {
        logged_at: after(r, 10),
        reported_at: after(r, 2 * h),
        answered_at: after(r, 3 * h),
        materials_sent_at: after(r, 3 * h),
        ..add(4, Importance::Important, 3, r)
    });
    // Met late: logged two hours after the call; too small to become a target.
    let r = at(history(55), 16, 50);
    list.push(Inquiry {
        logged_at: after(r, 2 * h),
        reported_at: after(r, 20 * h),
        answered_at: after(r, 30 * h),
        decision: TargetDecision::NotTarget {
            reason: w.not_target_reason.to_owned(),
        },
        ..add(5, Importance::Minor, 4, r)
    });
    // Met on time, followed up on the sixth day.
    let r = at(history(5), 11, 15);
    list.push(Inquiry {
        logged_at: after(r, 10),
        reported_at: after(r, 3 * h),
        answered_at: after(r, 26 * h),
        materials_sent_at: after(r, 26 * h),
        followed_up_at: after(r, 26 * h + 6 * d),
        ..add(6, Importance::Minor, 5, r)
    });
    // Met late: reported to the segment manager after 30 hours.
    let r = at(history(70), 9, 5);
    list.push(Inquiry {
        logged_at: after(r, 5),
        reported_at: after(r, 30 * h),
        answered_at: after(r, 20 * h),
        materials_sent_at: after(r, 20 * h),
        followed_up_at: after(r, 20 * h + 3 * d),
        ..add(7, Importance::Important, 3, r)
    });
    // Met on time, answered by the segment manager.
    let r = at(history(85), 14, 30);
    list.push(Inquiry {
        logged_at: after(r, 10),
        reported_at: after(r, 2 * h),
        answered_at: after(r, 6 * h),
        ..add(8, Importance::Important, 1, r)
    });
    // Met on time and made a target: the account it became, with its contact.
    if let Some(account) = target {
        let r = target_call;
        list.push(Inquiry {
            id: 0,
            received_at: Some(r),
            logged_at: after(r, 5),
            company: account.name.clone(),
            industry: account.industry.clone(),
            category: w.target_category.to_owned(),
            contact: account.contact_person.clone(),
            position: account.position.clone(),
            phone: account.phone.clone(),
            email: account.email.clone(),
            request: w.target_request.to_owned(),
            importance: Importance::Important,
            handler: account.daily_owner,
            reported_at: after(r, h),
            answered_at: after(r, 5 * h),
            materials_sent_at: after(r, 5 * h),
            followed_up_at: after(r, 5 * h + 2 * d),
            decision: TargetDecision::Target {
                account: account.id,
            },
        });
    }
    // Logged in the order received, as they came in.
    list.sort_by_key(|i| i.received_at);
    for inquiry in list {
        log.add(inquiry);
    }
    log
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::domain::demo::{demo_workspace, WORKED_PLAN};
    use crate::domain::engagement::activity::{last_contact, last_contact_with};
    use crate::domain::engagement::inquiry::{DeadlineState, Step};
    use crate::domain::engagement::test_clock::at as clock;
    use crate::domain::plan::people::PersonId;

    /// A fixed clock in the middle of a month, and others at awkward moments.
    const NOW: &str = "2026-03-18 10:00";
    const OTHER_NOWS: [&str; 4] = [
        "2026-03-31 23:30",
        "2026-08-01 00:10",
        "2027-01-15 16:45",
        "2028-02-29 08:00",
    ];

    fn millis(text: &str) -> i64 {
        clock(text).and_utc().timestamp_millis()
    }

    fn demo(language: Language, now: &str) -> Workspace {
        demo_workspace(language, millis(now))
    }

    fn tier_of(ws: &Workspace, account: &Account) -> Option<Tier> {
        assess(account, &ws.model, &ws.tiers).effective
    }

    fn is_target(tier: Option<Tier>) -> bool {
        matches!(tier, Some(Tier::Tier1 | Tier::Tier2 | Tier::Tier3))
    }

    fn engagement(account: &Account) -> AccountEngagement {
        EngagementDoc::read_or_empty(account.engagement.as_ref()).expect("readable")
    }

    fn settings(ws: &Workspace) -> EngagementSettings {
        SettingsDoc::read_or_empty(ws.engagement.as_ref()).expect("readable")
    }

    fn inquiry_log(ws: &Workspace) -> InquiryLog {
        InquiryDoc::read_or_empty(ws.inquiries.as_ref()).expect("readable")
    }

    fn people(account: &Account) -> Vec<Person> {
        account
            .plan
            .as_ref()
            .map(|p| p.read().expect("readable").people)
            .unwrap_or_default()
    }

    /// The account's state against its cadence, as the contacts page works it out.
    fn cadence(
        ws: &Workspace,
        e: &AccountEngagement,
        tier: Tier,
        today: NaiveDate,
    ) -> CadenceState {
        let per_year = e
            .contacts_per_year
            .unwrap_or(ws.tiers.contact_plan.for_tier(tier).contacts_per_year);
        cadence_state(
            per_year,
            last_contact(&e.activities).map(|t| t.date()),
            e.since,
            today,
        )
    }

    #[test]
    fn demo_targets_all_have_both_owners() {
        for language in Language::ALL {
            let ws = demo(language, NOW);
            let team = settings(&ws).team;
            let mut targets = 0;
            for account in &ws.accounts {
                if !is_target(tier_of(&ws, account)) {
                    assert_eq!(
                        (account.overall_owner, account.daily_owner),
                        (None, None),
                        "{language:?}: no resources go to {}",
                        account.name
                    );
                    assert!(account.engagement.is_none(), "{}", account.name);
                    continue;
                }
                targets += 1;
                let role = |id: Option<ColleagueId>| {
                    team.get(id.expect("an owner")).expect("one of us").role
                };
                assert!(
                    role(account.overall_owner).owns_overall(),
                    "{}",
                    account.name
                );
                assert_eq!(role(account.daily_owner), Role::AccountManager);
                assert!(engagement(account).since.is_some(), "{}", account.name);
            }
            assert!(targets >= 20, "{targets}");
        }
    }

    #[test]
    fn demo_team_covers_every_role_in_two_teams_with_local_names() {
        let cjk = |c: char| ('\u{3000}'..='\u{9fff}').contains(&c);
        for language in Language::ALL {
            let team = settings(&demo(language, NOW)).team;
            assert!((7..=9).contains(&team.people.len()));
            for role in Role::ALL {
                assert!(team.people.iter().any(|p| p.role == role), "{role:?}");
            }
            let teams: BTreeSet<&str> = team.people.iter().map(|p| p.team.as_str()).collect();
            assert_eq!(teams.len(), 2, "{teams:?}");
            for p in &team.people {
                match language {
                    Language::Zh => assert!(p.name.chars().all(cjk), "{}", p.name),
                    Language::En => assert!(p.name.is_ascii(), "{}", p.name),
                }
            }
        }
    }

    #[test]
    fn demo_pipeline_holds_every_stage() {
        for now in std::iter::once(NOW).chain(OTHER_NOWS) {
            let ws = demo(Language::En, now);
            let today = clock(now).date();
            let limits = settings(&ws).stuck_limits;
            assert!(limits.is_default());
            let mut stages = BTreeSet::new();
            let mut stuck = 0;
            for account in ws.accounts.iter().filter(|a| is_target(tier_of(&ws, a))) {
                let e = engagement(account);
                let current = e.pipeline.current().expect("every target has a pipeline");
                stages.insert(current.stage);
                stuck += usize::from(limits.is_stuck(&e.pipeline, today));
                // It replays through the core's rule, starts when the relationship did
                // at the earliest, and never runs ahead of today.
                let mut replay = Pipeline::default();
                for change in &e.pipeline.changes {
                    replay.advance(change.clone()).expect("a valid change");
                    assert!(change.on < today && Some(change.on) >= e.since, "{now}");
                }
                assert_eq!(replay, e.pipeline);
                if current.stage == Stage::Lost {
                    assert!(!current.reason.is_empty());
                }
            }
            assert_eq!(stages, Stage::ALL.into_iter().collect(), "{now}");
            assert!(stuck >= 2, "{now}: {stuck} stuck");
            let seminars: Vec<u32> = ws
                .accounts
                .iter()
                .filter_map(|a| engagement(a).pipeline.current().cloned())
                .filter(|c| c.stage == Stage::Seminars)
                .map(|c| c.seminars)
                .collect();
            assert!(seminars.iter().any(|n| *n >= 2), "{seminars:?}");
        }
    }

    #[test]
    fn demo_has_overdue_and_due_soon_contacts_in_every_tier() {
        for now in std::iter::once(NOW).chain(OTHER_NOWS) {
            let ws = demo(Language::Zh, now);
            let today = clock(now).date();
            for tier in [Tier::Tier1, Tier::Tier2, Tier::Tier3] {
                let states: Vec<CadenceState> = ws
                    .accounts
                    .iter()
                    .filter(|a| tier_of(&ws, a) == Some(tier))
                    .map(|a| cadence(&ws, &engagement(a), tier, today))
                    .collect();
                let count = |f: fn(&CadenceState) -> bool| states.iter().filter(|s| f(s)).count();
                let overdue = count(|s| matches!(s, CadenceState::Overdue { .. }));
                let soon = count(|s| matches!(s, CadenceState::DueSoon { .. }));
                let on_time = count(|s| matches!(s, CadenceState::OnTime { .. }));
                assert!(overdue >= 1 && soon >= 1, "{now} {tier:?}: {states:?}");
                assert!(
                    on_time > overdue && on_time >= soon,
                    "{now} {tier:?}: {states:?}"
                );
                assert_eq!(overdue + soon + on_time, states.len(), "never uncontacted");
            }
        }
    }

    #[test]
    fn demo_contacts_follow_each_tiers_cadence_over_the_last_year() {
        let ws = demo(Language::En, NOW);
        let now = clock(NOW);
        let year_ago = days_before(now.date(), 365);
        let team = settings(&ws).team;
        let mut kinds = BTreeSet::new();
        for account in &ws.accounts {
            let Some(tier) = tier_of(&ws, account).filter(|t| is_target(Some(*t))) else {
                continue;
            };
            let e = engagement(account);
            let per_year = ws.tiers.contact_plan.for_tier(tier).contacts_per_year as usize;
            let in_year = e
                .activities
                .iter()
                .filter(|a| a.at.date() > year_ago)
                .count();
            assert_eq!(in_year, e.activities.len(), "only the last year is logged");
            if e.since.is_some_and(|s| s <= year_ago) {
                assert!(
                    (per_year - 2..=per_year + 3).contains(&in_year),
                    "{} {tier:?}: {in_year} contacts",
                    account.name
                );
            }
            let people: Vec<PersonId> = people(account).iter().map(|p| p.id).collect();
            for a in &e.activities {
                kinds.insert(a.kind);
                assert!(a.at < now && Some(a.at.date()) >= e.since);
                assert!(a.tenths_of_hours > 0 && !a.notes.is_empty());
                assert!(a.ours.contains(&account.daily_owner.expect("owner")));
                assert!(a.ours.iter().all(|id| team.get(*id).is_some()));
                assert!(
                    a.theirs.iter().all(|id| people.contains(id)),
                    "{}",
                    account.name
                );
            }
            // The decision-making unit takes part only where the plan maps one.
            assert_eq!(
                e.activities.iter().any(|a| !a.theirs.is_empty()),
                !people.is_empty(),
                "{}",
                account.name
            );
        }
        assert_eq!(kinds, ActivityKind::ALL.into_iter().collect());
    }

    #[test]
    fn demo_contacts_agree_with_the_power_maps_last_contacts() {
        for language in Language::ALL {
            let ws = demo(language, NOW);
            let worked = &ws.accounts[WORKED_PLAN];
            let log = engagement(worked).activities;
            let people = people(worked);
            assert!(!people.is_empty());
            for person in people {
                assert_eq!(
                    last_contact_with(&log, person.id).map(|t| t.date()),
                    person.last_contact,
                    "{language:?} {}",
                    person.name
                );
            }
        }
    }

    #[test]
    fn demo_calendar_month_has_planned_steps() {
        for now in std::iter::once(NOW).chain(OTHER_NOWS) {
            let ws = demo(Language::En, now);
            let today = clock(now).date();
            let steps: Vec<Activity> = ws
                .accounts
                .iter()
                .flat_map(|a| engagement(a).activities)
                .filter(|a| a.next_step_on.is_some())
                .collect();
            assert!(steps.iter().all(|a| !a.next_step.is_empty()
                && a.next_step_on >= Some(today)
                && a.next_step_on <= Some(days_after(today, 42))));
            let this_month = steps
                .iter()
                .filter_map(|a| a.next_step_on)
                .filter(|d| d.year() == today.year() && d.month() == today.month())
                .count();
            let wanted = if today.day() < 25 { 5 } else { 1 };
            assert!(this_month >= wanted, "{now}: {this_month} this month");
        }
    }

    #[test]
    fn demo_promotions_cover_every_form_and_effect_without_problems() {
        for language in Language::ALL {
            let ws = demo(language, NOW);
            let mut forms = BTreeSet::new();
            let mut effects = Vec::new();
            let mut aimed = 0;
            for account in &ws.accounts {
                let people: Vec<PersonId> = people(account).iter().map(|p| p.id).collect();
                for p in engagement(account).promotions {
                    assert!(matches!(
                        tier_of(&ws, account),
                        Some(Tier::Tier1 | Tier::Tier2)
                    ));
                    assert_eq!(p.problems(&people), vec![], "{language:?} {}", p.purpose);
                    assert!(!p.support.is_empty() && !p.success_measure.is_empty());
                    if p.effect == Effect::Failure {
                        assert!(!p.effect_reason.is_empty());
                    }
                    aimed += usize::from(p.target_person.is_some());
                    forms.insert(p.form.slug());
                    effects.push(p.effect);
                }
            }
            assert_eq!(forms.len(), PromotionForm::ALL.len());
            assert!(Effect::ALL.iter().all(|e| effects.contains(e)));
            assert!(aimed >= 1);
        }
    }

    #[test]
    fn demo_inquiries_cover_every_deadline_state() {
        for now in std::iter::once(NOW).chain(OTHER_NOWS) {
            let ws = demo(Language::Zh, now);
            let at_now = clock(now);
            let log = inquiry_log(&ws);
            let team = settings(&ws).team;
            assert!((9..=12).contains(&log.inquiries.len()));
            let overall: BTreeSet<String> = log
                .inquiries
                .iter()
                .map(|i| format!("{:?}", i.overall(at_now)))
                .collect();
            for state in [
                DeadlineState::Open,
                DeadlineState::DueSoon,
                DeadlineState::Overdue,
                DeadlineState::MetOnTime,
                DeadlineState::MetLate,
            ] {
                assert!(
                    overall.contains(&format!("{state:?}")),
                    "{now}: {overall:?}"
                );
            }
            assert!(log
                .inquiries
                .iter()
                .any(|i| i.deadline(Step::FollowedUp, at_now).state == DeadlineState::NotStarted));
            // The browser's clock may run hours off the demo's: every state holds.
            for shift in [-10, 10] {
                let shifted = at_now + TimeDelta::hours(shift);
                for i in &log.inquiries {
                    assert_eq!(i.overall(shifted), i.overall(at_now), "{now} {shift}");
                }
            }
            for importance in Importance::ALL {
                assert!(log.inquiries.iter().any(|i| i.importance == importance));
            }
            for i in &log.inquiries {
                assert_eq!(i.problems(), vec![]);
                assert!(team.get(i.handler.expect("a handler")).is_some());
                assert!(i.received_at < Some(at_now));
                assert!(Step::ALL
                    .iter()
                    .all(|s| i.done_at(*s).is_none_or(|t| t <= at_now)));
            }
            // Received this month and last.
            let month = |d: NaiveDate| (d.year(), d.month());
            let last_month = clock(now)
                .date()
                .with_day(1)
                .and_then(|d| d.pred_opt())
                .expect("a day");
            let months: BTreeSet<(i32, u32)> = log
                .inquiries
                .iter()
                .filter_map(|i| i.received_at.map(|t| month(t.date())))
                .collect();
            assert!(months.contains(&month(last_month)), "{now}");
            if at_now.day() > 3 {
                assert!(months.contains(&month(at_now.date())), "{now}");
            }
            assert!(months.len() <= 2, "{now}: {months:?}");
            // One caller became a target account, one was turned down with a reason.
            let made: Vec<&Inquiry> = log
                .inquiries
                .iter()
                .filter(|i| matches!(i.decision, TargetDecision::Target { .. }))
                .collect();
            let [made] = made.as_slice() else {
                panic!("one made a target")
            };
            let TargetDecision::Target { account } = made.decision else {
                unreachable!()
            };
            let account = ws.account(account).expect("the account it became");
            assert_eq!(made.company, account.name);
            assert!(is_target(tier_of(&ws, account)));
            let since = engagement(account).since.expect("since");
            assert!(made.received_at.is_some_and(|r| r.date() < since));
            assert_eq!(
                log.inquiries
                    .iter()
                    .filter(|i| matches!(&i.decision,
                        TargetDecision::NotTarget { reason } if !reason.is_empty()))
                    .count(),
                1
            );
        }
    }

    /// The engagement with its words blanked: what both languages must share.
    fn shape(ws: &Workspace) -> String {
        let mut accounts = Vec::new();
        for a in &ws.accounts {
            let mut e = engagement(a);
            for x in &mut e.activities {
                x.notes.clear();
                x.next_step.clear();
            }
            for c in &mut e.pipeline.changes {
                c.reason.clear();
            }
            for p in &mut e.promotions {
                p.purpose.clear();
                p.products.clear();
                p.success_measure.clear();
                p.effect_reason.clear();
                for s in &mut p.support {
                    s.who.clear();
                    s.duty.clear();
                }
            }
            accounts.push((a.overall_owner, a.daily_owner, e));
        }
        let team = settings(ws).team;
        let people: Vec<_> = team
            .people
            .iter()
            .map(|p| {
                (
                    p.id,
                    p.role,
                    team.people.iter().position(|q| q.team == p.team),
                )
            })
            .collect();
        let mut log = inquiry_log(ws);
        for i in &mut log.inquiries {
            for text in [
                &mut i.company,
                &mut i.industry,
                &mut i.category,
                &mut i.contact,
                &mut i.position,
                &mut i.request,
            ] {
                text.clear();
            }
            if let TargetDecision::NotTarget { reason } = &mut i.decision {
                reason.clear();
            }
        }
        format!("{accounts:?}\n{people:?}\n{log:?}")
    }

    #[test]
    fn demo_engagement_is_the_same_in_both_languages_but_for_text() {
        for now in [NOW, OTHER_NOWS[1]] {
            assert_eq!(
                shape(&demo(Language::Zh, now)),
                shape(&demo(Language::En, now))
            );
        }
    }

    #[test]
    fn demo_engagement_documents_are_readable_and_have_no_problems() {
        for language in Language::ALL {
            let ws = demo(language, NOW);
            let team = settings(&ws).team;
            assert_eq!(
                ws.engagement,
                SettingsDoc::write(&settings(&ws)).expect("writes"),
                "written as the core writes it"
            );
            assert_eq!(
                ws.inquiries,
                InquiryDoc::write(&inquiry_log(&ws)).expect("writes")
            );
            let log = inquiry_log(&ws);
            let ids: BTreeSet<u32> = log.inquiries.iter().map(|i| i.id).collect();
            assert_eq!(ids.len(), log.inquiries.len());
            assert!(log.next_id > *ids.last().expect("inquiries"));
            for account in &ws.accounts {
                let e = engagement(account);
                assert_eq!(
                    account.engagement,
                    EngagementDoc::write(&e).expect("writes")
                );
                let ids: BTreeSet<u32> = e
                    .activities
                    .iter()
                    .map(|a| a.id)
                    .chain(e.promotions.iter().map(|p| p.id))
                    .collect();
                assert_eq!(ids.len(), e.activities.len() + e.promotions.len());
                assert!(ids.iter().all(|id| *id > 0 && *id < e.next_id));
                // Logged in the order they happened.
                assert!(e.activities.windows(2).all(|w| w[0].at < w[1].at));
                for owner in [account.overall_owner, account.daily_owner]
                    .into_iter()
                    .flatten()
                {
                    assert!(team.get(owner).is_some());
                }
            }
        }
    }

    #[test]
    fn demo_engagement_speaks_only_the_language_it_was_built_in() {
        let cjk = |c: char| {
            ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        };
        let en = demo(Language::En, NOW);
        let texts = [
            settings(&en)
                .team
                .people
                .iter()
                .map(|p| format!("{p:?}"))
                .collect(),
            format!("{:?}", inquiry_log(&en)),
            en.accounts
                .iter()
                .map(|a| format!("{:?}", engagement(a)))
                .collect::<String>(),
        ];
        for text in texts {
            assert!(!text.chars().any(cjk), "{text}");
        }
        let zh = demo(Language::Zh, NOW);
        let log = format!("{:?}", inquiry_log(&zh));
        assert!(!log.contains("(demo") && log.contains("（示例）"));
        assert!(settings(&zh)
            .team
            .people
            .iter()
            .all(|p| p.team.chars().all(cjk)));
    }

    #[test]
    fn demo_with_engagement_stays_a_small_share_of_browser_storage() {
        for language in Language::ALL {
            let text = serde_json::to_string(&demo(language, NOW)).expect("json");
            // localStorage holds 5 MiB characters for every workspace together.
            assert!(text.chars().count() < 200_000, "{}", text.len());
        }
    }
}
