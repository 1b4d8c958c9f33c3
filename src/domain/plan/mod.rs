//! The account plan (KAM-SPEC §4; documents 004, 000, 001): summary, customer profile,
//! customer analysis, decision-making unit, competitors, our position, the six-step
//! analysis, strategy, actions and the revenue plan — and how complete each section is.
//!
//! Submodules own the rules with numbers in them: `facts` (information levels, refresh,
//! amounts, growth), `people` (power map, org chart, warnings), `strategy` (SMART
//! objectives, overdue actions), `finance` (growth by year, share of wallet, variance).

pub mod doc;
pub mod facts;
pub mod finance;
pub mod people;
pub mod strategy;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::account::slugs;

pub use doc::{read_plan, same_plan, PlanDoc, PlanSummary, UnreadablePlan};
pub use facts::{Amount, Fact, Freshness, InfoLevel};
pub use finance::{FinanceYear, Metric, RevenueLine, TargetActual};
pub use people::{Attitude, BuyingRole, Person, PersonId, PowerMapWarning, RelationshipLevel};
pub use strategy::{Action, ActionStatus, Objective, ObjectiveStatus};

/// Strengths, weaknesses, opportunities, threats.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Swot {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub strengths: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub weaknesses: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub opportunities: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub threats: String,
}

impl Swot {
    pub fn filled_quadrants(&self) -> usize {
        [
            &self.strengths,
            &self.weaknesses,
            &self.opportunities,
            &self.threats,
        ]
        .iter()
        .filter(|q| !q.trim().is_empty())
        .count()
    }
}

/// One of Porter's five forces, rated 1 (weak) to 5 (strong) with a note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Force {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The forces, in Porter's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForceKind {
    EntryBarriers,
    Substitutes,
    BuyerPower,
    SupplierPower,
    Rivalry,
}

impl ForceKind {
    pub const ALL: [ForceKind; 5] = [
        ForceKind::EntryBarriers,
        ForceKind::Substitutes,
        ForceKind::BuyerPower,
        ForceKind::SupplierPower,
        ForceKind::Rivalry,
    ];
}

/// The highest rating of a force.
pub const FORCE_MAX: u8 = 5;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FiveForces {
    pub entry_barriers: Force,
    pub substitutes: Force,
    pub buyer_power: Force,
    pub supplier_power: Force,
    pub rivalry: Force,
}

impl FiveForces {
    pub fn force(&self, kind: ForceKind) -> &Force {
        match kind {
            ForceKind::EntryBarriers => &self.entry_barriers,
            ForceKind::Substitutes => &self.substitutes,
            ForceKind::BuyerPower => &self.buyer_power,
            ForceKind::SupplierPower => &self.supplier_power,
            ForceKind::Rivalry => &self.rivalry,
        }
    }

    pub fn force_mut(&mut self, kind: ForceKind) -> &mut Force {
        match kind {
            ForceKind::EntryBarriers => &mut self.entry_barriers,
            ForceKind::Substitutes => &mut self.substitutes,
            ForceKind::BuyerPower => &mut self.buyer_power,
            ForceKind::SupplierPower => &mut self.supplier_power,
            ForceKind::Rivalry => &mut self.rivalry,
        }
    }
}

/// When a need was (or will be) felt.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum NeedHorizon {
    Past,
    #[default]
    Present,
    Forecast,
}

impl NeedHorizon {
    pub const ALL: [NeedHorizon; 3] = [
        NeedHorizon::Past,
        NeedHorizon::Present,
        NeedHorizon::Forecast,
    ];
}

slugs!(NeedHorizon { Past => "past", Present => "present", Forecast => "forecast" });

/// A customer need; implicit needs are the part of the iceberg under water.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Need {
    pub id: u32,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    pub horizon: NeedHorizon,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub implicit: bool,
}

/// The customer's view of a competitor against us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preference {
    PrefersThem,
    Neutral,
    PrefersUs,
}

impl Preference {
    pub const ALL: [Preference; 3] = [
        Preference::PrefersThem,
        Preference::Neutral,
        Preference::PrefersUs,
    ];
}

slugs!(Preference {
    PrefersThem => "prefers_them",
    Neutral => "neutral",
    PrefersUs => "prefers_us",
});

/// A competitor's profile at this customer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Competitor {
    pub id: u32,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Their relationship and business with this customer.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub business: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub capability: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub strategy: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub strengths: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub weaknesses: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub customer_view: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preference: Option<Preference>,
}

/// Low, medium, high.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Low,
    Medium,
    High,
}

impl Grade {
    pub const ALL: [Grade; 3] = [Grade::Low, Grade::Medium, Grade::High];
}

slugs!(Grade { Low => "low", Medium => "medium", High => "high" });

/// The relationship ladder (document 004).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ladder {
    Buyer,
    PreferredSupplier,
    Partner,
    StrategicAlliance,
}

impl Ladder {
    pub const ALL: [Ladder; 4] = [
        Ladder::Buyer,
        Ladder::PreferredSupplier,
        Ladder::Partner,
        Ladder::StrategicAlliance,
    ];
}

slugs!(Ladder {
    Buyer => "buyer",
    PreferredSupplier => "preferred_supplier",
    Partner => "partner",
    StrategicAlliance => "strategic_alliance",
});

/// The relationship life-cycle (document 004).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    Breakthrough,
    Consolidation,
    Growth,
    Harvest,
    Defence,
    Hibernation,
    Pause,
}

impl Lifecycle {
    pub const ALL: [Lifecycle; 7] = [
        Lifecycle::Breakthrough,
        Lifecycle::Consolidation,
        Lifecycle::Growth,
        Lifecycle::Harvest,
        Lifecycle::Defence,
        Lifecycle::Hibernation,
        Lifecycle::Pause,
    ];
}

slugs!(Lifecycle {
    Breakthrough => "breakthrough",
    Consolidation => "consolidation",
    Growth => "growth",
    Harvest => "harvest",
    Defence => "defence",
    Hibernation => "hibernation",
    Pause => "pause",
});

/// The relationship-health questions (KAM-SPEC §4), answered in words.
pub const HEALTH_QUESTIONS: usize = 6;

/// Where we stand with the customer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OurPosition {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub history: String,
    /// What we supply.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub supply: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub switching_cost: Option<Grade>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub switching_note: String,
    /// Our sales to the customer and the customer's total spend on our category, for the
    /// share of wallet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub our_sales: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_spend: Option<Amount>,
    /// Who knows and favours us.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub who_favours: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ladder: Option<Ladder>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    pub swot: Swot,
    pub health: [String; HEALTH_QUESTIONS],
}

impl OurPosition {
    pub fn share_of_wallet(&self) -> Option<i64> {
        finance::share_of_wallet(self.our_sales, self.total_spend)
    }
}

/// The six steps of document 000.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SixStep {
    Industry,
    Competition,
    PersonalisedNeeds,
    CustomisedSolution,
    ServiceSupport,
    CustomerPlan,
}

impl SixStep {
    pub const ALL: [SixStep; 6] = [
        SixStep::Industry,
        SixStep::Competition,
        SixStep::PersonalisedNeeds,
        SixStep::CustomisedSolution,
        SixStep::ServiceSupport,
        SixStep::CustomerPlan,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The step's number as the method counts them, from 1.
    pub fn number(self) -> usize {
        self.index() + 1
    }

    /// The plan's section where this step's analysis is worked out, when the plan has
    /// one: the step then links there instead of asking for the same analysis twice.
    pub fn worked_in(self) -> Option<Section> {
        match self {
            SixStep::Competition => Some(Section::Competitors),
            SixStep::PersonalisedNeeds => Some(Section::Analysis),
            SixStep::CustomerPlan => Some(Section::Strategy),
            SixStep::Industry | SixStep::CustomisedSolution | SixStep::ServiceSupport => None,
        }
    }
}

/// One step's note and whether the step is done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepNote {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// The facts of the profile (besides the finance table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileFact {
    Goals,
    FinanceSource,
    MarketPosition,
    MainCompetitors,
    News,
    CategoryUse,
    Vendors,
}

impl ProfileFact {
    /// In the order of the form (the finance source goes with the finance table).
    pub const ALL: [ProfileFact; 7] = [
        ProfileFact::Goals,
        ProfileFact::FinanceSource,
        ProfileFact::MarketPosition,
        ProfileFact::MainCompetitors,
        ProfileFact::News,
        ProfileFact::CategoryUse,
        ProfileFact::Vendors,
    ];
}

slugs!(ProfileFact {
    Goals => "goals",
    FinanceSource => "finance_source",
    MarketPosition => "market_position",
    MainCompetitors => "main_competitors",
    News => "news",
    CategoryUse => "category_use",
    Vendors => "vendors",
});

/// The customer profile: strategy and finance, each fact with its provenance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub goals: Fact,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub finance: Vec<FinanceYear>,
    /// Where the finance figures come from (level, source, date; the text is a note).
    pub finance_source: Fact,
    pub market_position: Fact,
    pub main_competitors: Fact,
    pub news: Fact,
    /// Their use of our category.
    pub category_use: Fact,
    /// The vendors they use.
    pub vendors: Fact,
}

impl Profile {
    pub fn fact(&self, which: ProfileFact) -> &Fact {
        match which {
            ProfileFact::Goals => &self.goals,
            ProfileFact::FinanceSource => &self.finance_source,
            ProfileFact::MarketPosition => &self.market_position,
            ProfileFact::MainCompetitors => &self.main_competitors,
            ProfileFact::News => &self.news,
            ProfileFact::CategoryUse => &self.category_use,
            ProfileFact::Vendors => &self.vendors,
        }
    }

    pub fn fact_mut(&mut self, which: ProfileFact) -> &mut Fact {
        match which {
            ProfileFact::Goals => &mut self.goals,
            ProfileFact::FinanceSource => &mut self.finance_source,
            ProfileFact::MarketPosition => &mut self.market_position,
            ProfileFact::MainCompetitors => &mut self.main_competitors,
            ProfileFact::News => &mut self.news,
            ProfileFact::CategoryUse => &mut self.category_use,
            ProfileFact::Vendors => &mut self.vendors,
        }
    }

    /// Every fact of the profile, finance included when it has figures.
    pub fn facts(&self) -> Vec<&Fact> {
        let mut facts = vec![
            &self.goals,
            &self.market_position,
            &self.main_competitors,
            &self.news,
            &self.category_use,
            &self.vendors,
        ];
        if self.finance.iter().any(FinanceYear::is_filled) {
            facts.push(&self.finance_source);
        }
        facts
    }
}

/// The whole plan of one account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountPlan {
    /// Overall purpose and direction.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    pub profile: Profile,
    pub swot: Swot,
    pub forces: FiveForces,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Need>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<Competitor>,
    pub position: OurPosition,
    pub six_steps: [StepNote; 6],
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vision: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revenue: Vec<RevenueLine>,
    /// The next id for a person, need, competitor, objective or action; ids are never
    /// reused, so a link (reports-to, an action's objective) never points at a newcomer.
    pub next_id: u32,
}

/// The sections of a plan, in the order of KAM-SPEC §4 and the issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Summary,
    Profile,
    Analysis,
    PowerMap,
    Competitors,
    Position,
    SixSteps,
    Strategy,
    Actions,
    Revenue,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Summary,
        Section::Profile,
        Section::Analysis,
        Section::PowerMap,
        Section::Competitors,
        Section::Position,
        Section::SixSteps,
        Section::Strategy,
        Section::Actions,
        Section::Revenue,
    ];
}

slugs!(Section {
    Summary => "summary",
    Profile => "profile",
    Analysis => "analysis",
    PowerMap => "people",
    Competitors => "competitors",
    Position => "position",
    SixSteps => "six-steps",
    Strategy => "strategy",
    Actions => "actions",
    Revenue => "revenue",
});

/// One thing a section of the plan asks for (see [`AccountPlan::checklist`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Summary,
    Fact(ProfileFact),
    Finance,
    Swot(SwotQuadrant),
    Force(ForceKind),
    Needs,
    People,
    DecisionMaker,
    EveryoneAssessed,
    DecisionMakersOwned,
    Competitor,
    CompetitorsAssessed,
    History,
    Supply,
    SwitchingCost,
    ShareOfWallet,
    WhoFavours,
    Ladder,
    Lifecycle,
    PositionSwot,
    Health,
    Step(SixStep),
    Vision,
    Objective,
    ObjectivesSmart,
    Action,
    ActionsOwned,
    RevenueTarget,
}

/// A quadrant of a SWOT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwotQuadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl SwotQuadrant {
    pub const ALL: [SwotQuadrant; 4] = [
        SwotQuadrant::Strengths,
        SwotQuadrant::Weaknesses,
        SwotQuadrant::Opportunities,
        SwotQuadrant::Threats,
    ];

    pub fn of(self, swot: &Swot) -> &str {
        match self {
            SwotQuadrant::Strengths => &swot.strengths,
            SwotQuadrant::Weaknesses => &swot.weaknesses,
            SwotQuadrant::Opportunities => &swot.opportunities,
            SwotQuadrant::Threats => &swot.threats,
        }
    }
}

/// How much of a section is filled: `done` of `total` items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

impl Progress {
    /// Whole percent, rounded down, so 100% means everything is there.
    pub fn percent(self) -> u32 {
        (self.done * 100).checked_div(self.total).unwrap_or(100)
    }
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

impl AccountPlan {
    pub fn is_empty(&self) -> bool {
        *self == AccountPlan::default()
    }

    /// A fresh id for a new item of the plan.
    pub fn take_id(&mut self) -> u32 {
        let used = self
            .people
            .iter()
            .map(|p| p.id)
            .chain(self.needs.iter().map(|n| n.id))
            .chain(self.competitors.iter().map(|c| c.id))
            .chain(self.objectives.iter().map(|o| o.id))
            .chain(self.actions.iter().map(|a| a.id));
        crate::domain::fresh_id(&mut self.next_id, used)
    }

    pub fn step(&self, step: SixStep) -> &StepNote {
        &self.six_steps[step.index()]
    }

    /// What each section asks for, and whether it is there: the items behind the
    /// section's completeness, so the page can say what is still missing.
    pub fn checklist(&self, section: Section) -> Vec<(Item, bool)> {
        match section {
            Section::Summary => vec![(Item::Summary, filled(&self.summary))],
            Section::Profile => {
                let p = &self.profile;
                let fact = |which: ProfileFact| (Item::Fact(which), p.fact(which).is_filled());
                vec![
                    fact(ProfileFact::Goals),
                    (Item::Finance, p.finance.iter().any(FinanceYear::is_filled)),
                    fact(ProfileFact::MarketPosition),
                    fact(ProfileFact::MainCompetitors),
                    fact(ProfileFact::News),
                    fact(ProfileFact::CategoryUse),
                    fact(ProfileFact::Vendors),
                ]
            }
            Section::Analysis => {
                let mut items: Vec<(Item, bool)> = SwotQuadrant::ALL
                    .iter()
                    .map(|q| (Item::Swot(*q), filled(q.of(&self.swot))))
                    .collect();
                items.extend(
                    ForceKind::ALL
                        .iter()
                        .map(|k| (Item::Force(*k), self.forces.force(*k).rating.is_some())),
                );
                items.push((Item::Needs, self.needs.iter().any(|n| filled(&n.text))));
                items
            }
            Section::PowerMap => {
                let named: Vec<&Person> = self.people.iter().filter(|p| filled(&p.name)).collect();
                let deciders: Vec<&&Person> = named
                    .iter()
                    .filter(|p| p.role == Some(BuyingRole::DecisionMaker))
                    .collect();
                vec![
                    (Item::People, !named.is_empty()),
                    (Item::DecisionMaker, !deciders.is_empty()),
                    (
                        Item::EveryoneAssessed,
                        !named.is_empty()
                            && named
                                .iter()
                                .all(|p| p.role.is_some() && p.attitude.is_some()),
                    ),
                    (
                        Item::DecisionMakersOwned,
                        !deciders.is_empty() && deciders.iter().all(|p| filled(&p.owner)),
                    ),
                ]
            }
            Section::Competitors => {
                let named: Vec<&Competitor> = self
                    .competitors
                    .iter()
                    .filter(|c| filled(&c.name))
                    .collect();
                vec![
                    (Item::Competitor, !named.is_empty()),
                    (
                        Item::CompetitorsAssessed,
                        !named.is_empty()
                            && named
                                .iter()
                                .all(|c| filled(&c.strengths) && filled(&c.weaknesses)),
                    ),
                ]
            }
            Section::Position => {
                let p = &self.position;
                vec![
                    (Item::History, filled(&p.history)),
                    (Item::Supply, filled(&p.supply)),
                    (Item::SwitchingCost, p.switching_cost.is_some()),
                    (Item::ShareOfWallet, p.share_of_wallet().is_some()),
                    (Item::WhoFavours, filled(&p.who_favours)),
                    (Item::Ladder, p.ladder.is_some()),
                    (Item::Lifecycle, p.lifecycle.is_some()),
                    (Item::PositionSwot, p.swot.filled_quadrants() == 4),
                    (Item::Health, p.health.iter().all(|a| filled(a))),
                ]
            }
            Section::SixSteps => SixStep::ALL
                .iter()
                .map(|step| (Item::Step(*step), self.step(*step).done))
                .collect(),
            Section::Strategy => {
                let named: Vec<&Objective> =
                    self.objectives.iter().filter(|o| filled(&o.text)).collect();
                vec![
                    (Item::Vision, filled(&self.vision)),
                    (Item::Objective, !named.is_empty()),
                    (
                        Item::ObjectivesSmart,
                        !named.is_empty() && named.iter().all(|o| o.is_smart()),
                    ),
                ]
            }
            Section::Actions => {
                let tasks: Vec<&Action> = self.actions.iter().filter(|a| filled(&a.task)).collect();
                vec![
                    (Item::Action, !tasks.is_empty()),
                    (
                        Item::ActionsOwned,
                        !tasks.is_empty()
                            && tasks.iter().all(|a| filled(&a.owner) && a.due.is_some()),
                    ),
                ]
            }
            Section::Revenue => vec![(
                Item::RevenueTarget,
                self.revenue.iter().any(RevenueLine::has_target),
            )],
        }
    }

    /// What is still missing in a section, in the order of the form.
    pub fn missing(&self, section: Section) -> Vec<Item> {
        self.checklist(section)
            .into_iter()
            .filter(|(_, there)| !there)
            .map(|(item, _)| item)
            .collect()
    }

    /// How much of each section is filled (see [`AccountPlan::checklist`]).
    pub fn progress(&self, section: Section) -> Progress {
        let items = self.checklist(section);
        Progress {
            done: items.iter().filter(|(_, there)| *there).count() as u32,
            total: items.len() as u32,
        }
    }

    /// The plan's completeness: the mean of its sections' percentages, rounded down.
    pub fn completeness(&self) -> u32 {
        let sum: u32 = Section::ALL
            .iter()
            .map(|s| self.progress(*s).percent())
            .sum();
        sum / Section::ALL.len() as u32
    }

    /// Facts of the profile that are due for refresh (older than six months or undated).
    pub fn facts_needing_refresh(&self, today: NaiveDate) -> usize {
        self.profile
            .facts()
            .iter()
            .filter(|f| f.freshness(today).needs_refresh())
            .count()
    }

    pub fn power_map_warnings(&self, today: NaiveDate) -> Vec<PowerMapWarning> {
        people::power_map_warnings(&self.people, today)
    }

    /// Removes a person and every link to them (reports-to).
    /// A contact with `people` on `on` updates each one's "last contact" (an earlier
    /// contact logged late does not move it back); returns whether anything changed.
    pub fn note_contact(&mut self, people: &[PersonId], on: NaiveDate) -> bool {
        let mut changed = false;
        for person in self.people.iter_mut().filter(|p| people.contains(&p.id)) {
            if person.last_contact.is_none_or(|last| last < on) {
                person.last_contact = Some(on);
                changed = true;
            }
        }
        changed
    }

    pub fn remove_person(&mut self, id: PersonId) {
        self.people.retain(|p| p.id != id);
        for person in &mut self.people {
            if person.reports_to == Some(id) {
                person.reports_to = None;
            }
        }
    }

    /// Removes an objective; its actions stay, no longer linked.
    pub fn remove_objective(&mut self, id: u32) {
        self.objectives.retain(|o| o.id != id);
        for action in &mut self.actions {
            if action.objective == Some(id) {
                action.objective = None;
            }
        }
    }

    /// Removes one item of a list, and every link to it.
    pub fn remove(&mut self, item: PlanItem) {
        match item {
            PlanItem::Person(id) => self.remove_person(id),
            PlanItem::Need(id) => self.needs.retain(|n| n.id != id),
            PlanItem::Competitor(id) => self.competitors.retain(|c| c.id != id),
            PlanItem::Objective(id) => self.remove_objective(id),
            PlanItem::Action(id) => self.actions.retain(|a| a.id != id),
            PlanItem::Revenue { year, quarter } => self
                .revenue
                .retain(|l| (l.year, l.quarter) != (year, quarter)),
        }
    }

    /// Puts back an item removed from `before` (the plan as it was just before): at its
    /// old place in its list, with the links that pointed at it restored where the
    /// pointing item is still there and points nowhere now. Edits made since are kept;
    /// an item already back is left alone.
    pub fn restore(&mut self, before: &AccountPlan, item: PlanItem) {
        fn put_back<T: Clone>(list: &mut Vec<T>, old: &[T], is_it: impl Fn(&T) -> bool) -> bool {
            if list.iter().any(&is_it) {
                return false;
            }
            let Some(index) = old.iter().position(&is_it) else {
                return false;
            };
            list.insert(index.min(list.len()), old[index].clone());
            true
        }
        match item {
            PlanItem::Person(id) => {
                if put_back(&mut self.people, &before.people, |p| p.id == id) {
                    for person in &mut self.people {
                        let pointed = before
                            .people
                            .iter()
                            .any(|b| b.id == person.id && b.reports_to == Some(id));
                        if pointed && person.reports_to.is_none() {
                            person.reports_to = Some(id);
                        }
                    }
                }
            }
            PlanItem::Need(id) => {
                put_back(&mut self.needs, &before.needs, |n| n.id == id);
            }
            PlanItem::Competitor(id) => {
                put_back(&mut self.competitors, &before.competitors, |c| c.id == id);
            }
            PlanItem::Objective(id) => {
                if put_back(&mut self.objectives, &before.objectives, |o| o.id == id) {
                    for action in &mut self.actions {
                        let pointed = before
                            .actions
                            .iter()
                            .any(|b| b.id == action.id && b.objective == Some(id));
                        if pointed && action.objective.is_none() {
                            action.objective = Some(id);
                        }
                    }
                }
            }
            PlanItem::Action(id) => {
                put_back(&mut self.actions, &before.actions, |a| a.id == id);
            }
            PlanItem::Revenue { year, quarter } => {
                put_back(&mut self.revenue, &before.revenue, |l| {
                    (l.year, l.quarter) == (year, quarter)
                });
            }
        }
    }
}

/// One item of one of the plan's lists, for removing it and putting it back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanItem {
    Person(PersonId),
    Need(u32),
    Competitor(u32),
    Objective(u32),
    Action(u32),
    Revenue { year: i32, quarter: Option<u8> },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn competition_needs_and_the_plan_steps_are_worked_in_their_own_sections() {
        let linked: Vec<(SixStep, Section)> = SixStep::ALL
            .iter()
            .filter_map(|s| s.worked_in().map(|section| (*s, section)))
            .collect();
        assert_eq!(
            linked,
            vec![
                (SixStep::Competition, Section::Competitors),
                (SixStep::PersonalisedNeeds, Section::Analysis),
                (SixStep::CustomerPlan, Section::Strategy),
            ]
        );
        assert_eq!(SixStep::Industry.number(), 1);
        assert_eq!(SixStep::CustomerPlan.number(), 6);
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn text(s: &str) -> Fact {
        Fact {
            text: s.into(),
            ..Fact::default()
        }
    }

    #[test]
    fn an_empty_plan_is_0_percent_complete_in_every_section() {
        let plan = AccountPlan::default();
        for section in Section::ALL {
            assert_eq!(plan.progress(section).done, 0, "{section:?}");
            assert_eq!(plan.progress(section).percent(), 0, "{section:?}");
        }
        assert_eq!(plan.completeness(), 0);
        assert!(plan.is_empty());
    }

    #[test]
    fn section_completeness_counts_what_the_method_asks_for() {
        let mut plan = AccountPlan {
            summary: "Grow from buyer to preferred supplier".into(),
            ..AccountPlan::default()
        };
        assert_eq!(plan.progress(Section::Summary).percent(), 100);

        plan.profile.goals = text("Double EV output by 2028");
        plan.profile.news = text("New plant in Hefei");
        assert_eq!(
            plan.progress(Section::Profile),
            Progress { done: 2, total: 7 }
        );
        assert_eq!(plan.progress(Section::Profile).percent(), 28);

        plan.six_steps[0].done = true;
        plan.six_steps[3].done = true;
        plan.six_steps[5].note = "written, not done".into();
        assert_eq!(
            plan.progress(Section::SixSteps),
            Progress { done: 2, total: 6 }
        );

        // An objective without a measure or a date keeps the strategy incomplete.
        plan.vision = "Their first call for seating".into();
        let id = plan.take_id();
        plan.objectives.push(Objective {
            id,
            text: "Win the 2027 platform".into(),
            ..Objective::default()
        });
        assert_eq!(
            plan.progress(Section::Strategy),
            Progress { done: 2, total: 3 }
        );
        plan.objectives[0].measure = "Platform awarded".into();
        plan.objectives[0].target = "Yes".into();
        plan.objectives[0].due = Some(day(2027, 3, 31));
        assert_eq!(plan.progress(Section::Strategy).percent(), 100);
    }

    #[test]
    fn the_power_map_is_complete_with_a_decision_maker_owned_and_everyone_assessed() {
        let mut plan = AccountPlan::default();
        let id = plan.take_id();
        plan.people.push(Person {
            id,
            name: "Zhang Wei".into(),
            role: Some(BuyingRole::DecisionMaker),
            ..Person::default()
        });
        assert_eq!(
            plan.progress(Section::PowerMap),
            Progress { done: 2, total: 4 }
        );
        plan.people[0].attitude = Some(Attitude::Neutral);
        plan.people[0].owner = "Our MD".into();
        assert_eq!(plan.progress(Section::PowerMap).percent(), 100);
    }

    #[test]
    fn what_is_missing_is_the_unfilled_items_of_the_section_in_form_order() {
        let mut plan = AccountPlan {
            vision: "Their first call".into(),
            ..AccountPlan::default()
        };
        assert_eq!(
            plan.missing(Section::Strategy),
            vec![Item::Objective, Item::ObjectivesSmart]
        );
        plan.swot.threats = "Price war".into();
        plan.forces.rivalry.rating = Some(4);
        assert_eq!(
            plan.missing(Section::Analysis),
            vec![
                Item::Swot(SwotQuadrant::Strengths),
                Item::Swot(SwotQuadrant::Weaknesses),
                Item::Swot(SwotQuadrant::Opportunities),
                Item::Force(ForceKind::EntryBarriers),
                Item::Force(ForceKind::Substitutes),
                Item::Force(ForceKind::BuyerPower),
                Item::Force(ForceKind::SupplierPower),
                Item::Needs,
            ]
        );
        // Missing items and progress always tell the same story.
        for section in Section::ALL {
            let progress = plan.progress(section);
            assert_eq!(
                plan.missing(section).len() as u32,
                progress.total - progress.done
            );
        }
    }

    #[test]
    fn plan_completeness_is_the_mean_of_the_sections() {
        let mut plan = AccountPlan {
            summary: "x".into(),
            vision: "y".into(),
            ..AccountPlan::default()
        };
        // Summary 100, strategy 33, the rest 0: 133 / 10.
        assert_eq!(plan.completeness(), 13);
        for step in &mut plan.six_steps {
            step.done = true;
        }
        assert_eq!(plan.completeness(), 23);
    }

    #[test]
    fn stale_and_undated_profile_facts_need_refresh() {
        let today = day(2026, 11, 22);
        let mut plan = AccountPlan::default();
        plan.profile.goals = Fact {
            text: "Expand abroad".into(),
            date: Some(day(2026, 1, 5)),
            level: Some(InfoLevel::PublicFree),
            source: "Annual report".into(),
        };
        plan.profile.news = Fact {
            text: "New CFO".into(),
            date: Some(day(2026, 10, 1)),
            ..Fact::default()
        };
        plan.profile.vendors = text("Supplier A, Supplier B");
        assert_eq!(plan.facts_needing_refresh(today), 2);
        // Finance figures count once they exist, through their source.
        plan.profile.finance.push(FinanceYear {
            year: 2025,
            revenue: Some(Amount(100)),
            ..FinanceYear::default()
        });
        plan.profile.finance_source = Fact {
            text: "From the annual report".into(),
            date: Some(day(2025, 4, 1)),
            ..Fact::default()
        };
        assert_eq!(plan.facts_needing_refresh(today), 3);
    }

    #[test]
    fn ids_are_never_reused_and_removing_a_person_or_objective_unlinks_it() {
        let mut plan = AccountPlan::default();
        let boss = plan.take_id();
        let report = plan.take_id();
        plan.people.push(Person {
            id: boss,
            ..Person::default()
        });
        plan.people.push(Person {
            id: report,
            reports_to: Some(boss),
            ..Person::default()
        });
        plan.remove_person(boss);
        assert_eq!(plan.people[0].reports_to, None);
        let next = plan.take_id();
        assert!(next > report);

        let objective = plan.take_id();
        plan.objectives.push(Objective {
            id: objective,
            ..Objective::default()
        });
        plan.actions.push(Action {
            id: plan.next_id,
            objective: Some(objective),
            ..Action::default()
        });
        plan.remove_objective(objective);
        assert_eq!(plan.actions[0].objective, None);
    }

    #[test]
    fn a_removed_item_is_put_back_in_its_place_with_its_links_and_later_edits_kept() {
        let mut plan = AccountPlan::default();
        let boss = plan.take_id();
        let report = plan.take_id();
        let other = plan.take_id();
        for (id, reports_to) in [(boss, None), (report, Some(boss)), (other, None)] {
            plan.people.push(Person {
                id,
                reports_to,
                ..Person::default()
            });
        }
        let goal = plan.take_id();
        plan.objectives.push(Objective {
            id: goal,
            ..Objective::default()
        });
        let task = plan.take_id();
        plan.actions.push(Action {
            id: task,
            objective: Some(goal),
            ..Action::default()
        });

        let before = plan.clone();
        plan.remove(PlanItem::Person(boss));
        plan.remove(PlanItem::Objective(goal));
        assert_eq!(plan.people[0].reports_to, None);
        assert_eq!(plan.actions[0].objective, None);
        // An edit made after the removal survives the undo.
        plan.people[1].name = "renamed".into();
        plan.restore(&before, PlanItem::Person(boss));
        plan.restore(&before, PlanItem::Objective(goal));
        assert_eq!(
            plan.people.iter().map(|p| p.id).collect::<Vec<_>>(),
            vec![boss, report, other]
        );
        assert_eq!(plan.people[1].reports_to, Some(boss));
        assert_eq!(plan.people[2].name, "renamed");
        assert_eq!(plan.actions[0].objective, Some(goal));
        // Putting back twice adds nothing.
        plan.restore(&before, PlanItem::Person(boss));
        assert_eq!(plan.people.len(), 3);
    }

    #[test]
    fn revenue_lines_and_simple_items_are_removed_and_put_back() {
        let mut plan = AccountPlan::default();
        for (year, quarter) in [(2026, None), (2026, Some(1))] {
            plan.revenue.push(RevenueLine {
                year,
                quarter,
                ..RevenueLine::default()
            });
        }
        let need = plan.take_id();
        plan.needs.push(Need {
            id: need,
            text: "x".into(),
            ..Need::default()
        });
        let before = plan.clone();
        let line = PlanItem::Revenue {
            year: 2026,
            quarter: None,
        };
        plan.remove(line);
        plan.remove(PlanItem::Need(need));
        assert_eq!(plan.revenue.len(), 1);
        assert!(plan.needs.is_empty());
        plan.restore(&before, line);
        plan.restore(&before, PlanItem::Need(need));
        assert_eq!(plan, before);
    }

    #[test]
    fn an_empty_plan_is_not_written_and_a_partial_one_round_trips() {
        let plan = AccountPlan::default();
        let json = serde_json::to_string(&plan).expect("serialises");
        let back: AccountPlan = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, plan);
        let mut plan = AccountPlan::default();
        plan.position.health[2] = "Yes, the engineering support".into();
        plan.position.our_sales = Amount::parse("300");
        let json = serde_json::to_string(&plan).expect("serialises");
        let back: AccountPlan = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, plan);
        let from_nothing: AccountPlan = serde_json::from_str("{}").expect("reads");
        assert!(from_nothing.is_empty());
    }

    #[test]
    fn form_names_of_plan_choices_are_the_names_saved() {
        fn check<T: Serialize + Copy>(all: &[T], slug: impl Fn(T) -> &'static str) {
            for value in all {
                let saved = serde_json::to_string(value).expect("serialises");
                assert_eq!(saved, format!("\"{}\"", slug(*value)));
            }
        }
        check(&InfoLevel::ALL, InfoLevel::slug);
        check(&BuyingRole::ALL, BuyingRole::slug);
        check(&Attitude::ALL, Attitude::slug);
        check(&RelationshipLevel::ALL, RelationshipLevel::slug);
        check(&ObjectiveStatus::ALL, ObjectiveStatus::slug);
        check(&ActionStatus::ALL, ActionStatus::slug);
        check(&NeedHorizon::ALL, NeedHorizon::slug);
        check(&Preference::ALL, Preference::slug);
        check(&Grade::ALL, Grade::slug);
        check(&Ladder::ALL, Ladder::slug);
        check(&Lifecycle::ALL, Lifecycle::slug);
    }
}
