//! Every user-facing string, in Simplified Chinese and English.
//!
//! Each key is written once with both texts side by side (in `strings.rs`), so a string
//! cannot exist in one language only: a missing translation does not compile. Strings
//! with values take numbered placeholders `{0}`, `{1}`… filled by [`fill`]; a test checks
//! that both languages use the same placeholders. Labels of domain values (tiers, gates,
//! errors) are methods here, so the domain stays free of presentation.

mod strings;

pub use strings::{Strings, FINGERPRINT};

use crate::domain::account::AccountProblem;
use crate::domain::account::Field;
use crate::domain::development::categories::Category;
use crate::domain::development::relationship::{
    Attractiveness3, Dimension, RelationshipState, Strategy,
};
use crate::domain::development::PaymentRecord;
use crate::domain::engagement::activity::ActivityKind;
use crate::domain::engagement::inquiry::{DeadlineState, Importance, Step};
use crate::domain::engagement::pipeline::Stage;
use crate::domain::engagement::promotion::{Effect, PromotionForm, PromotionProblem};
use crate::domain::engagement::team::Role;
use crate::domain::plan::finance::Metric;
use crate::domain::plan::strategy::ObjectiveGap;
use crate::domain::plan::{
    ActionStatus, Attitude, BuyingRole, ForceKind, Grade, InfoLevel, Item, Ladder, Lifecycle,
    NeedHorizon, ObjectiveStatus, Preference, ProfileFact, RelationshipLevel, Section, SixStep,
    SwotQuadrant,
};
use crate::domain::ScoringModel;
use crate::domain::{
    Answer, Axis, Gate, GateSet, Language, ModelError, Ownership, Relationship, SizeBand, Tier,
};
use crate::storage::envelope::LoadError;

/// A criterion's name in `language` (the other language's if blank), or its number.
pub fn criterion_name(model: &ScoringModel, id: u32, language: Language) -> String {
    model
        .criterion(id)
        .map(|c| c.name.get(language).to_owned())
        .unwrap_or_else(|| format!("#{id}"))
}

/// The strings of one language.
#[cfg(not(target_arch = "wasm32"))]
pub fn strings(language: Language) -> &'static Strings {
    match language {
        Language::Zh => &strings::ZH,
        Language::En => &strings::EN,
    }
}

/// The strings of one language: its whole table once loaded ([`install`]), else its
/// start table ([`install_start`]), else the other language's (a moment during a
/// switch), else blanks (before the first table, when the app shows nothing yet).
#[cfg(target_arch = "wasm32")]
pub fn strings(language: Language) -> &'static Strings {
    static BLANK: Strings = Strings::BLANK;
    let other = match language {
        Language::Zh => Language::En,
        Language::En => Language::Zh,
    };
    loaded(language)
        .or_else(|| slot(&STARTS, language).get().copied())
        .or_else(|| loaded(other))
        .unwrap_or(&BLANK)
}

#[cfg(target_arch = "wasm32")]
type Slots = [std::sync::OnceLock<&'static Strings>; 2];

#[cfg(target_arch = "wasm32")]
static TABLES: Slots = [std::sync::OnceLock::new(), std::sync::OnceLock::new()];

#[cfg(target_arch = "wasm32")]
static STARTS: Slots = [std::sync::OnceLock::new(), std::sync::OnceLock::new()];

#[cfg(target_arch = "wasm32")]
fn slot(
    slots: &'static Slots,
    language: Language,
) -> &'static std::sync::OnceLock<&'static Strings> {
    match language {
        Language::Zh => &slots[0],
        Language::En => &slots[1],
    }
}

/// The whole table of `language`, if it is loaded.
#[cfg(target_arch = "wasm32")]
pub fn loaded(language: Language) -> Option<&'static Strings> {
    slot(&TABLES, language).get().copied()
}

/// The keys the first screen needs (the shell, the account list, start-up notices and
/// errors): the start table of each language holds only these, so the texts fetched
/// before the first paint are a fraction of the whole; the whole table follows once the
/// list is painted, and before any other page opens. A test checks that the code of the
/// first screen names no other key.
pub const START_KEYS: &[&str] = &[
    "join_title",
    "language_load_failed",
    "texts_load_failed",
    "page_loading",
    "page_unavailable",
    "try_again",
    "app_title",
    "nav_label",
    "nav_accounts",
    "nav_model",
    "nav_ranking",
    "nav_matrix",
    "menu",
    "nav_pyramid",
    "nav_engagement",
    "people_title",
    "contacts_title",
    "pipeline_title",
    "calendar_title",
    "inq_title",
    "nav_review",
    "review_title",
    "nav_portfolio",
    "portfolio_title",
    "language_switch_to",
    "language_switch_label",
    "save_saved",
    "save_saving",
    "save_not_saved",
    "model_loaded_as_draft",
    "model_open_draft",
    "save_nothing_yet",
    "save_status_label",
    "workspace_menu",
    "export_workspace",
    "import_workspace",
    "dismiss",
    "cancel",
    "required_hint",
    "workspaces_title",
    "workspace_default_name",
    "demo_name",
    "demo_badge",
    "storage_nearly_full",
    "reset_demo",
    "demo_banner",
    "demo_reset_done",
    "demo_other_language",
    "demo_rebuild",
    "demo_rebuilt",
    "workspace_failed",
    "error_storage_blocked",
    "error_storage_full",
    "error_storage_other",
    "error_name_missing",
    "error_workspace_unknown",
    "error_deleting_open",
    "error_nothing_stored",
    "error_module",
    "error_closed",
    "error_part",
    "first_run_title",
    "first_run_intro",
    "first_run_step1",
    "first_run_step2",
    "first_run_step3",
    "first_run_step4",
    "first_run_step5",
    "start_demo",
    "start_empty",
    "storage_blocked",
    "save_failed_quota",
    "save_failed_other",
    "stored_unreadable",
    "stored_unreadable_not_kept",
    "download_unreadable",
    "other_tab_updated",
    "workspace_deleted_elsewhere",
    "other_tab_unreadable",
    "load_error_not_json",
    "load_error_wrong_format",
    "load_error_bad_version",
    "load_error_newer",
    "load_error_workspace_missing",
    "load_error_migration",
    "load_error_invalid",
    "import_confirm_title",
    "import_confirm_body",
    "import_replace",
    "import_done",
    "import_failed",
    "file_read_failed",
    "export_failed",
    "accounts_title",
    "accounts_empty",
    "add_account",
    "search_label",
    "search_placeholder",
    "filter_segment",
    "filter_tier",
    "filter_size",
    "filter_all",
    "count_shown",
    "no_match",
    "show_more",
    "clear_filters",
    "sort_by",
    "field_number",
    "field_name",
    "field_segment",
    "field_size_band",
    "field_relationship",
    "size_large",
    "size_medium",
    "size_small",
    "relationship_customer",
    "relationship_prospect",
    "new_account_title",
    "back_to_accounts",
    "account_not_found",
    "tier1",
    "tier2",
    "tier3",
    "not_pursued",
    "untiered",
    "overridden_badge",
    "override_reason",
    "deleted",
    "undo",
    "col_attractiveness",
    "col_feasibility",
    "col_tier",
    "matrix_title",
    "chart_loading",
    "chart_load_failed",
    "chart_failed",
    "pyramid_title",
    "next_step_score",
    "next_step_ranking",
    "import_sheet_open",
    "first_run_import",
    "import_title",
    "plan_link",
    "plan_column",
    "plan_stale_info",
    "plan_removed",
    "nav_actions",
    "nav_workspaces",
    "actions_title",
    "merge_offer",
    "merge_into",
    "merge_page_title",
];

/// One language's table as `kam-strings` writes it into the build.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Table {
    /// [`FINGERPRINT`] of the keys the texts are for, in hexadecimal.
    pub keys: String,
    pub texts: Vec<String>,
}

impl Table {
    pub fn of(strings: &Strings) -> Table {
        Table {
            keys: format!("{FINGERPRINT:016x}"),
            texts: strings
                .entries()
                .into_iter()
                .map(|(_, t)| t.to_owned())
                .collect(),
        }
    }

    /// The start table: the texts of [`START_KEYS`], every other text blank.
    pub fn start_of(strings: &Strings) -> Table {
        Table {
            keys: format!("{FINGERPRINT:016x}"),
            texts: strings
                .entries()
                .into_iter()
                .map(|(key, t)| {
                    if START_KEYS.contains(&key) {
                        t.to_owned()
                    } else {
                        String::new()
                    }
                })
                .collect(),
        }
    }

    /// The table as strings for the rest of the page's life, or why it does not fit.
    pub fn into_strings(self) -> Result<&'static Strings, String> {
        if self.keys != format!("{FINGERPRINT:016x}") {
            return Err("the text table is for another build".into());
        }
        let texts: Vec<&'static str> = self
            .texts
            .into_iter()
            .map(|t| &*Box::leak(t.into_boxed_str()))
            .collect();
        Strings::leak(texts).ok_or_else(|| "the text table has the wrong length".into())
    }
}

/// Makes `json` (a whole [`Table`]) the strings of `language`.
#[cfg(target_arch = "wasm32")]
pub fn install(language: Language, json: &str) -> Result<(), String> {
    install_in(&TABLES, language, json)
}

/// Makes `json` (a start table) the strings of `language` until the whole table is in.
#[cfg(target_arch = "wasm32")]
pub fn install_start(language: Language, json: &str) -> Result<(), String> {
    install_in(&STARTS, language, json)
}

#[cfg(target_arch = "wasm32")]
fn install_in(slots: &'static Slots, language: Language, json: &str) -> Result<(), String> {
    let table: Table = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let strings = table.into_strings()?;
    let _ = slot(slots, language).set(strings);
    Ok(())
}

/// Replaces `{0}`, `{1}`… in `template` with `args`, and `{N:one|other}` with `one` when
/// argument N reads "1" and `other` otherwise, so an English count reads "1 account" and
/// "0 accounts", "2 accounts". (Chinese nouns do not change with the count, and English
/// plurals need nothing more than one/other.) Anything else in braces is left as it is.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let texts: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        let (index, forms) = match inner.split_once(':') {
            Some((index, forms)) => (index, Some(forms)),
            None => (inner, None),
        };
        match (
            index.parse::<usize>().ok().and_then(|i| texts.get(i)),
            forms,
        ) {
            (Some(text), None) => out.push_str(text),
            (Some(text), Some(forms)) => {
                let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
                out.push_str(if text == "1" { one } else { other });
            }
            (None, _) => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

impl Strings {
    pub fn tier(&self, tier: Tier) -> &'static str {
        match tier {
            Tier::Tier1 => self.tier1,
            Tier::Tier2 => self.tier2,
            Tier::Tier3 => self.tier3,
            Tier::NotPursued => self.not_pursued,
        }
    }

    pub fn tier_or_untiered(&self, tier: Option<Tier>) -> &'static str {
        tier.map_or(self.untiered, |t| self.tier(t))
    }

    pub fn axis(&self, axis: Axis) -> &'static str {
        match axis {
            Axis::Attractiveness => self.axis_attractiveness,
            Axis::Feasibility => self.axis_feasibility,
        }
    }

    pub fn axis_short(&self, axis: Axis) -> &'static str {
        match axis {
            Axis::Attractiveness => self.col_attractiveness,
            Axis::Feasibility => self.col_feasibility,
        }
    }

    pub fn gate_question(&self, gate: Gate) -> &'static str {
        match gate {
            Gate::Reachable => self.gate_reachable,
            Gate::Profitable => self.gate_profitable,
            Gate::Implementable => self.gate_implementable,
            Gate::Sustainable => self.gate_sustainable,
        }
    }

    pub fn gate_name(&self, gate: Gate) -> &'static str {
        match gate {
            Gate::Reachable => self.gate_reachable_short,
            Gate::Profitable => self.gate_profitable_short,
            Gate::Implementable => self.gate_implementable_short,
            Gate::Sustainable => self.gate_sustainable_short,
        }
    }

    /// Gates answered "no", each said as what it found ("not profitable"), joined in the
    /// language's list style.
    pub fn gates_failed(&self, gates: GateSet) -> String {
        gates
            .iter()
            .map(|g| match g {
                Gate::Reachable => self.gate_reachable_failed,
                Gate::Profitable => self.gate_profitable_failed,
                Gate::Implementable => self.gate_implementable_failed,
                Gate::Sustainable => self.gate_sustainable_failed,
            })
            .collect::<Vec<_>>()
            .join(self.list_separator)
    }

    /// Gate names joined in the language's list style.
    pub fn gate_list(&self, gates: GateSet) -> String {
        gates
            .iter()
            .map(|g| self.gate_name(g))
            .collect::<Vec<_>>()
            .join(self.list_separator)
    }

    pub fn answer(&self, answer: Answer) -> &'static str {
        match answer {
            Answer::Yes => self.answer_yes,
            Answer::No => self.answer_no,
            Answer::Unknown => self.answer_unknown,
        }
    }

    pub fn level(&self, level: Option<crate::domain::pyramid::Level>) -> &'static str {
        use crate::domain::pyramid::Level;
        match level {
            Some(Level::Key) => self.level_key,
            Some(Level::Ordinary) => self.level_ordinary,
            Some(Level::SuperPotential) => self.level_super_potential,
            None => self.level_outside,
        }
    }

    pub fn level_rule(&self, rule: crate::domain::pyramid::LevelRule) -> &'static str {
        use crate::domain::pyramid::LevelRule;
        match rule {
            LevelRule::CustomerInTier1 => self.level_rule_customer_tier1,
            LevelRule::OtherCustomer => self.level_rule_other_customer,
            LevelRule::ProspectInTier => self.level_rule_prospect_tier,
            LevelRule::ProspectOutside => self.level_rule_prospect_outside,
        }
    }

    pub fn zone(&self, tier: Tier) -> &'static str {
        match tier {
            Tier::Tier1 => self.zone_tier1,
            Tier::Tier2 => self.zone_tier2,
            Tier::Tier3 => self.zone_tier3,
            Tier::NotPursued => self.zone_not_pursued,
        }
    }

    pub fn ownership(&self, ownership: Ownership) -> &'static str {
        match ownership {
            Ownership::StateOwned => self.ownership_state_owned,
            Ownership::JointVenture => self.ownership_joint_venture,
            Ownership::Private => self.ownership_private,
            Ownership::Foreign => self.ownership_foreign,
            Ownership::Other => self.ownership_other,
        }
    }

    pub fn size_band(&self, size: SizeBand) -> &'static str {
        match size {
            SizeBand::Large => self.size_large,
            SizeBand::Medium => self.size_medium,
            SizeBand::Small => self.size_small,
        }
    }

    pub fn relationship(&self, relationship: Relationship) -> &'static str {
        match relationship {
            Relationship::Customer => self.relationship_customer,
            Relationship::Prospect => self.relationship_prospect,
        }
    }

    pub fn info_level(&self, level: InfoLevel) -> &'static str {
        match level {
            InfoLevel::PublicFree => self.info_level_1,
            InfoLevel::PublicPaid => self.info_level_2,
            InfoLevel::PrivateContacts => self.info_level_3,
            InfoLevel::PrivateTopManagement => self.info_level_4,
        }
    }

    pub fn plan_section(&self, section: Section) -> &'static str {
        match section {
            Section::Summary => self.section_plan_summary,
            Section::Profile => self.section_plan_profile,
            Section::Analysis => self.section_plan_analysis,
            Section::PowerMap => self.section_plan_people,
            Section::Competitors => self.section_plan_competitors,
            Section::Position => self.section_plan_position,
            Section::SixSteps => self.section_plan_six_steps,
            Section::Strategy => self.section_plan_strategy,
            Section::Actions => self.section_plan_actions,
            Section::Revenue => self.section_plan_revenue,
        }
    }

    pub fn force(&self, force: ForceKind) -> &'static str {
        match force {
            ForceKind::EntryBarriers => self.force_entry_barriers,
            ForceKind::Substitutes => self.force_substitutes,
            ForceKind::BuyerPower => self.force_buyer_power,
            ForceKind::SupplierPower => self.force_supplier_power,
            ForceKind::Rivalry => self.force_rivalry,
        }
    }

    pub fn need_horizon(&self, horizon: NeedHorizon) -> &'static str {
        match horizon {
            NeedHorizon::Past => self.need_past,
            NeedHorizon::Present => self.need_present,
            NeedHorizon::Forecast => self.need_forecast,
        }
    }

    pub fn preference(&self, preference: Preference) -> &'static str {
        match preference {
            Preference::PrefersThem => self.preference_them,
            Preference::Neutral => self.preference_neutral,
            Preference::PrefersUs => self.preference_us,
        }
    }

    pub fn grade(&self, grade: Grade) -> &'static str {
        match grade {
            Grade::Low => self.grade_low,
            Grade::Medium => self.grade_medium,
            Grade::High => self.grade_high,
        }
    }

    pub fn ladder(&self, ladder: Ladder) -> &'static str {
        match ladder {
            Ladder::Buyer => self.ladder_buyer,
            Ladder::PreferredSupplier => self.ladder_preferred,
            Ladder::Partner => self.ladder_partner,
            Ladder::StrategicAlliance => self.ladder_alliance,
        }
    }

    pub fn lifecycle(&self, stage: Lifecycle) -> &'static str {
        match stage {
            Lifecycle::Breakthrough => self.lifecycle_breakthrough,
            Lifecycle::Consolidation => self.lifecycle_consolidation,
            Lifecycle::Growth => self.lifecycle_growth,
            Lifecycle::Harvest => self.lifecycle_harvest,
            Lifecycle::Defence => self.lifecycle_defence,
            Lifecycle::Hibernation => self.lifecycle_hibernation,
            Lifecycle::Pause => self.lifecycle_pause,
        }
    }

    /// The relationship-health question number `index` (0–5).
    pub fn health_question(&self, index: usize) -> &'static str {
        [
            self.health_q1,
            self.health_q2,
            self.health_q3,
            self.health_q4,
            self.health_q5,
            self.health_q6,
        ]
        .get(index)
        .copied()
        .unwrap_or_default()
    }

    /// A step's number and name, as its heading.
    pub fn six_step_heading(&self, step: SixStep) -> String {
        fill(self.step_numbered, &[&step.number(), &self.six_step(step)])
    }

    pub fn six_step(&self, step: SixStep) -> &'static str {
        match step {
            SixStep::Industry => self.step_industry,
            SixStep::Competition => self.step_competition,
            SixStep::PersonalisedNeeds => self.step_needs,
            SixStep::CustomisedSolution => self.step_solution,
            SixStep::ServiceSupport => self.step_service,
            SixStep::CustomerPlan => self.step_plan,
        }
    }

    pub fn buying_role(&self, role: BuyingRole) -> &'static str {
        match role {
            BuyingRole::DecisionMaker => self.role_decision_maker,
            BuyingRole::User => self.role_user,
            BuyingRole::Adviser => self.role_adviser,
            BuyingRole::Gatekeeper => self.role_gatekeeper,
            BuyingRole::Outsider => self.role_outsider,
            BuyingRole::Champion => self.role_champion,
            BuyingRole::Blocker => self.role_blocker,
        }
    }

    pub fn attitude(&self, attitude: Attitude) -> &'static str {
        match attitude {
            Attitude::Hostile => self.attitude_hostile,
            Attitude::Sceptical => self.attitude_sceptical,
            Attitude::Neutral => self.attitude_neutral,
            Attitude::Supportive => self.attitude_supportive,
            Attitude::Champion => self.attitude_champion,
        }
    }

    pub fn relationship_level(&self, level: RelationshipLevel) -> &'static str {
        match level {
            RelationshipLevel::Initial => self.rel_initial,
            RelationshipLevel::Ordinary => self.rel_ordinary,
            RelationshipLevel::Strategic => self.rel_strategic,
            RelationshipLevel::Partner => self.rel_partner,
        }
    }

    pub fn category(&self, category: Category) -> &'static str {
        match category {
            Category::Quality => self.cat_quality,
            Category::HighValue => self.cat_high_value,
            Category::Group => self.cat_group,
            Category::Strategic => self.cat_strategic,
            Category::Potential => self.cat_potential,
        }
    }

    pub fn payment(&self, payment: Option<PaymentRecord>) -> &'static str {
        match payment {
            None => self.payment_none,
            Some(PaymentRecord::Good) => self.payment_good,
            Some(PaymentRecord::Late) => self.payment_late,
            Some(PaymentRecord::Bad) => self.payment_bad,
        }
    }

    pub fn dimension(&self, dimension: Dimension) -> (&'static str, &'static str) {
        match dimension {
            Dimension::Communication => (self.dim_communication, self.guide_communication),
            Dimension::Fit => (self.dim_fit, self.guide_fit),
            Dimension::JointWork => (self.dim_joint_work, self.guide_joint_work),
            Dimension::Recognition => (self.dim_recognition, self.guide_recognition),
        }
    }

    pub fn relationship_state(&self, state: Option<RelationshipState>) -> &'static str {
        match state {
            None => self.state_none,
            Some(RelationshipState::Developing) => self.state_developing,
            Some(RelationshipState::Good) => self.state_good,
            Some(RelationshipState::VeryStrong) => self.state_very_strong,
            Some(RelationshipState::Limited) => self.state_limited,
            Some(RelationshipState::Defensive) => self.state_defensive,
            Some(RelationshipState::Declining) => self.state_declining,
        }
    }

    pub fn attractiveness_class(&self, class: Attractiveness3) -> &'static str {
        match class {
            Attractiveness3::Very => self.attr_very,
            Attractiveness3::Medium => self.attr_medium,
            Attractiveness3::Low => self.attr_low,
        }
    }

    pub fn strategy(&self, strategy: Strategy) -> &'static str {
        match strategy {
            Strategy::InvestToBuild => self.strategy_invest,
            Strategy::MaintainAndGrow => self.strategy_maintain,
            Strategy::Defend => self.strategy_defend,
            Strategy::Recover => self.strategy_recover,
            Strategy::DevelopSelectively => self.strategy_selective,
            Strategy::ServeEfficiently => self.strategy_efficient,
            Strategy::SayNo => self.strategy_say_no,
        }
    }

    pub fn objective_status(&self, status: ObjectiveStatus) -> &'static str {
        match status {
            ObjectiveStatus::Open => self.objective_open,
            ObjectiveStatus::OnTrack => self.objective_on_track,
            ObjectiveStatus::AtRisk => self.objective_at_risk,
            ObjectiveStatus::Achieved => self.objective_achieved,
            ObjectiveStatus::Missed => self.objective_missed,
        }
    }

    pub fn objective_gap(&self, gap: ObjectiveGap) -> &'static str {
        match gap {
            ObjectiveGap::NoMeasure => self.objective_gap_measure,
            ObjectiveGap::NoTarget => self.objective_gap_target,
            ObjectiveGap::NoDueDate => self.objective_gap_due,
        }
    }

    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::BuHead => self.role_bu_head,
            Role::SegmentManager => self.role_segment_manager,
            Role::AccountManager => self.role_account_manager,
            Role::Researcher => self.role_researcher,
            Role::ExternalRelations => self.role_external_relations,
        }
    }

    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::FirstContact => self.stage_first_contact,
            Stage::Seminars => self.stage_seminars,
            Stage::DraftingProposal => self.stage_drafting_proposal,
            Stage::Negotiating => self.stage_negotiating,
            Stage::Won => self.stage_won,
            Stage::Lost => self.stage_lost,
        }
    }

    pub fn activity_kind(&self, kind: ActivityKind) -> &'static str {
        match kind {
            ActivityKind::ExecutiveMeeting => self.kind_executive_meeting,
            ActivityKind::TechnicalExchange => self.kind_technical_exchange,
            ActivityKind::PlanningMeeting => self.kind_planning_meeting,
            ActivityKind::BusinessEvent => self.kind_business_event,
            ActivityKind::Training => self.kind_training,
            ActivityKind::RoutineVisit => self.kind_routine_visit,
            ActivityKind::Hospitality => self.kind_hospitality,
            ActivityKind::PhoneOrEmail => self.kind_phone_or_email,
        }
    }

    pub fn promotion_form(&self, form: PromotionForm) -> &'static str {
        match form {
            PromotionForm::Seminar => self.form_seminar,
            PromotionForm::Visit => self.form_visit,
            PromotionForm::ProductLaunch => self.form_product_launch,
            PromotionForm::Materials => self.form_materials,
        }
    }

    pub fn effect(&self, effect: Effect) -> &'static str {
        match effect {
            Effect::Open => self.effect_open,
            Effect::Success => self.effect_success,
            Effect::Failure => self.effect_failure,
        }
    }

    pub fn promotion_problem(&self, problem: PromotionProblem) -> &'static str {
        match problem {
            PromotionProblem::PurposeMissing => self.promo_problem_purpose,
            PromotionProblem::EffectBeforeDone => self.promo_problem_effect_before_done,
            PromotionProblem::EffectReasonMissing => self.promo_problem_reason,
            PromotionProblem::TargetGone => self.promo_problem_target_gone,
        }
    }

    pub fn importance(&self, importance: Importance) -> &'static str {
        match importance {
            Importance::Important => self.importance_important,
            Importance::Minor => self.importance_minor,
        }
    }

    pub fn step(&self, step: Step) -> &'static str {
        match step {
            Step::Logged => self.step_logged,
            Step::Reported => self.step_reported,
            Step::Answered => self.step_answered,
            Step::FollowedUp => self.step_followed_up,
        }
    }

    pub fn deadline_state(&self, state: DeadlineState) -> &'static str {
        match state {
            DeadlineState::NotStarted => self.deadline_not_started,
            DeadlineState::Open => self.deadline_open,
            DeadlineState::DueSoon => self.deadline_due_soon,
            DeadlineState::Overdue => self.deadline_overdue,
            DeadlineState::MetOnTime => self.deadline_met,
            DeadlineState::MetLate => self.deadline_met_late,
        }
    }

    pub fn action_status(&self, status: ActionStatus) -> &'static str {
        match status {
            ActionStatus::NotStarted => self.action_not_started,
            ActionStatus::InProgress => self.action_in_progress,
            ActionStatus::Done => self.action_done,
            ActionStatus::Blocked => self.action_blocked,
        }
    }

    pub fn metric(&self, metric: Metric) -> &'static str {
        match metric {
            Metric::Sales => self.metric_sales,
            Metric::Revenue => self.metric_revenue,
            Metric::Margin => self.metric_margin,
            Metric::Profit => self.metric_profit,
        }
    }

    /// A missing item of a plan section, in words.
    pub fn plan_item(&self, item: Item) -> String {
        let text = match item {
            Item::Summary => self.summary_label,
            Item::Fact(which) => match which {
                ProfileFact::Goals => self.profile_goals,
                ProfileFact::FinanceSource => self.profile_finance_source,
                ProfileFact::MarketPosition => self.profile_market_position,
                ProfileFact::MainCompetitors => self.profile_main_competitors,
                ProfileFact::News => self.profile_news,
                ProfileFact::CategoryUse => self.profile_category_use,
                ProfileFact::Vendors => self.profile_vendors,
            },
            Item::Finance => self.missing_finance,
            Item::Swot(quadrant) => match quadrant {
                SwotQuadrant::Strengths => self.swot_strengths,
                SwotQuadrant::Weaknesses => self.swot_weaknesses,
                SwotQuadrant::Opportunities => self.swot_opportunities,
                SwotQuadrant::Threats => self.swot_threats,
            },
            Item::Force(kind) => self.force(kind),
            Item::Needs => self.missing_needs,
            Item::People => self.missing_people,
            Item::DecisionMaker => self.missing_decision_maker,
            Item::EveryoneAssessed => self.missing_assessed,
            Item::DecisionMakersOwned => self.missing_owned,
            Item::Competitor => self.missing_competitor,
            Item::CompetitorsAssessed => self.missing_competitor_sw,
            Item::History => self.position_history,
            Item::Supply => self.position_supply,
            Item::SwitchingCost => self.position_switching,
            Item::ShareOfWallet => self.missing_share,
            Item::WhoFavours => self.position_who_favours,
            Item::Ladder => self.position_ladder,
            Item::Lifecycle => self.position_lifecycle,
            Item::PositionSwot => self.position_swot,
            Item::Health => self.missing_health,
            Item::Step(step) => {
                return fill(
                    self.missing_step_done,
                    &[&step.number(), &self.six_step(step)],
                )
            }
            Item::Vision => self.strategy_vision,
            Item::Objective => self.missing_objective,
            Item::ObjectivesSmart => self.missing_smart,
            Item::Action => self.missing_action,
            Item::ActionsOwned => self.missing_action_owned,
            Item::RevenueTarget => self.missing_revenue,
        };
        text.to_owned()
    }

    /// A calendar date in the language's style (2026年11月22日 / 22 Nov 2026).
    pub fn day(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self
            .month_names
            .split('|')
            .nth(date.month0() as usize)
            .unwrap_or_default();
        fill(self.date_template, &[&date.year(), &month, &date.day()])
    }

    /// What a field of the basic sheet is called.
    pub fn field(&self, field: Field) -> &'static str {
        match field {
            Field::Number => self.field_number,
            Field::Name => self.field_name,
            Field::Industry => self.field_industry,
            Field::Segment => self.field_segment,
            Field::Ownership => self.field_ownership,
            Field::SizeBand => self.field_size_band,
            Field::CompanyType => self.field_company_type,
            Field::Address => self.field_address,
            Field::ContactPerson => self.field_contact_person,
            Field::Position => self.field_position,
            Field::Phone => self.field_phone,
            Field::Email => self.field_email,
            Field::Employees => self.field_employees,
            Field::MainProducts => self.field_main_products,
            Field::MainPartners => self.field_main_partners,
            Field::Relationship => self.field_relationship,
        }
    }

    /// A model problem in words; `criterion_name` looks up a criterion's display name.
    pub fn model_error(
        &self,
        error: &ModelError,
        criterion_name: impl Fn(u32) -> String,
    ) -> String {
        match error {
            ModelError::WeightsDoNotTotal { axis, total } => {
                fill(self.model_error_weights, &[&self.axis(*axis), total])
            }
            ModelError::NoCriteria { axis } => {
                fill(self.model_error_no_criteria, &[&self.axis(*axis)])
            }
            ModelError::NameMissing { .. } => self.model_error_name_missing.to_owned(),
            ModelError::WeightOutOfRange { id, weight } => fill(
                self.model_error_weight_range,
                &[&criterion_name(*id), weight],
            ),
        }
    }

    pub fn load_error(&self, error: &LoadError) -> String {
        match error {
            LoadError::NotJson(detail) => fill(self.load_error_not_json, &[detail]),
            LoadError::WrongFormat { .. } => self.load_error_wrong_format.to_owned(),
            LoadError::BadVersion(v) => fill(self.load_error_bad_version, &[v]),
            LoadError::NewerVersion { found, supported } => {
                fill(self.load_error_newer, &[found, supported])
            }
            LoadError::WorkspaceMissing => self.load_error_workspace_missing.to_owned(),
            LoadError::MigrationFailed { from, reason } => {
                fill(self.load_error_migration, &[from, reason])
            }
            LoadError::Invalid(detail) => fill(self.load_error_invalid, &[detail]),
            // The limits are written in the text (a test keeps them in step).
            LoadError::TooLarge => self.load_error_too_large.to_owned(),
        }
    }

    /// An account problem in words; `name_of` looks up another account's name.
    pub fn account_problem(
        &self,
        problem: &AccountProblem,
        name_of: impl Fn(u64) -> String,
    ) -> String {
        match problem {
            AccountProblem::NameMissing => self.problem_name_missing.to_owned(),
            AccountProblem::DuplicateNumber { other } => {
                fill(self.problem_duplicate_number, &[&name_of(*other)])
            }
            AccountProblem::EmailInvalid => self.problem_email_invalid.to_owned(),
        }
    }

    /// A wall-clock timestamp (ms since the epoch, already shifted to the local time
    /// zone by the caller) as a date in the language's convention.
    ///
    /// Formatted by hand rather than with chrono's `format`, whose pattern interpreter
    /// would add to the wasm for two fixed layouts.
    pub fn date(&self, millis: i64) -> String {
        use chrono::Datelike;
        let Some(date) = chrono::DateTime::from_timestamp_millis(millis) else {
            return String::new();
        };
        let month = self
            .month_names
            .split('|')
            .nth(date.month0() as usize)
            .unwrap_or_default();
        fill(self.date_template, &[&date.year(), &month, &date.day()])
    }

    /// A wall-clock timestamp (ms, shifted to the local time zone by the caller) as a
    /// date and a 24-hour time of day, as both languages write them.
    pub fn date_time(&self, millis: i64) -> String {
        use chrono::Timelike;
        let Some(at) = chrono::DateTime::from_timestamp_millis(millis) else {
            return String::new();
        };
        format!("{} {:02}:{:02}", self.date(millis), at.hour(), at.minute())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<usize> {
        let mut found: Vec<usize> = (0..10)
            .filter(|i| s.contains(&format!("{{{i}}}")))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn a_language_table_written_for_the_browser_reads_back_every_text() {
        for language in Language::ALL {
            let json = serde_json::to_string(&Table::of(strings(language))).expect("writes");
            let table: Table = serde_json::from_str(&json).expect("reads");
            let read = table.into_strings().expect("fits the keys");
            assert_eq!(read.entries(), strings(language).entries());
        }
    }

    /// The code of the first screen: the app's main module (see `src/ui/pages.rs`), and
    /// the helpers of this module it calls.
    const FIRST_SCREEN: [&str; 11] = [
        "shell.rs",
        "accounts.rs",
        "widgets.rs",
        "state.rs",
        "router.rs",
        "pages.rs",
        "mod.rs",
        "texts.rs",
        "dom.rs",
        "tools_module.rs",
        "sheets.rs",
    ];

    /// The keys named in `code` as `t.key`, `t().key` or `self.key`.
    fn keys_named(code: &str, keys: &[&str]) -> Vec<String> {
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let mut found = Vec::new();
        for (at, _) in code.match_indices('.') {
            let before = &code[..at];
            let owner = ["t", "t()", "self"].iter().any(|owner| {
                before
                    .strip_suffix(owner)
                    .is_some_and(|rest| rest.chars().last().is_none_or(|c| !is_word(c)))
            });
            if !owner {
                continue;
            }
            let name: String = code[at + 1..].chars().take_while(|c| is_word(*c)).collect();
            // `self.open_workspace(…)` is a method, not the text of that name.
            let called = code[at + 1 + name.len()..].starts_with('(');
            if keys.contains(&name.as_str()) && !called {
                found.push(name);
            }
        }
        found
    }

    #[test]
    fn the_first_screen_uses_only_texts_of_the_start_table() {
        let keys: Vec<&str> = strings::EN.entries().iter().map(|(k, _)| *k).collect();
        let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        for file in FIRST_SCREEN {
            let code = std::fs::read_to_string(ui.join(file)).expect("reads the source");
            for key in keys_named(&code, &keys) {
                assert!(START_KEYS.contains(&key.as_str()), "{file} uses {key}");
            }
        }
        // The helpers the first screen calls for labels and load errors.
        let t = strings(Language::En);
        let start = Table::start_of(t).into_strings().expect("fits");
        for tier in [Some(Tier::Tier1), Some(Tier::NotPursued), None] {
            assert!(!start.tier_or_untiered(tier).is_empty());
        }
        for size in SizeBand::ALL {
            assert_eq!(start.size_band(size), t.size_band(size));
        }
        for relationship in Relationship::ALL {
            assert_eq!(
                start.relationship(relationship),
                t.relationship(relationship)
            );
        }
        for key in START_KEYS {
            assert!(keys.contains(key), "{key} is not a key");
        }
    }

    #[test]
    fn the_start_table_is_a_small_part_of_the_whole() {
        for language in Language::ALL {
            let whole = serde_json::to_string(&Table::of(strings(language))).expect("writes");
            let start = serde_json::to_string(&Table::start_of(strings(language))).expect("writes");
            assert!(
                start.len() * 3 < whole.len(),
                "{} of {}",
                start.len(),
                whole.len()
            );
        }
    }

    #[test]
    fn a_table_for_other_keys_or_of_another_length_is_refused() {
        let mut other = Table::of(strings(Language::En));
        other.keys = "0000000000000000".into();
        assert!(other.into_strings().is_err());
        let mut short = Table::of(strings(Language::En));
        short.texts.pop();
        assert!(short.into_strings().is_err());
        let mut long = Table::of(strings(Language::En));
        long.texts.push("extra".into());
        assert!(long.into_strings().is_err());
    }

    #[test]
    fn every_string_is_translated_and_uses_the_same_placeholders() {
        let zh = strings::ZH.entries();
        let en = strings::EN.entries();
        assert_eq!(zh.len(), en.len());
        for ((key, z), (_, e)) in zh.iter().zip(en.iter()) {
            assert!(!z.trim().is_empty(), "{key}: Chinese text is empty");
            assert!(!e.trim().is_empty(), "{key}: English text is empty");
            assert_eq!(
                placeholders(z),
                placeholders(e),
                "{key}: placeholders differ"
            );
        }
    }

    #[test]
    fn chinese_strings_are_in_chinese() {
        // Keys whose Chinese text may legitimately be Latin (formats, separators).
        let exempt = [
            "date_template",
            "month_names",
            "list_separator",
            "colon",
            "import_problem_separator",
            "language_switch_to",
            "score_range",
            "no_value",
            "step_numbered",
            "amount_with_unit",
            // Brackets around who wrote a conflict's value (and when).
            "conflict_side",
            "conflict_side_when",
        ];
        for (key, text) in strings::ZH.entries() {
            if exempt.contains(&key) {
                continue;
            }
            assert!(
                text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{key}: {text:?} has no Chinese character"
            );
        }
    }

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(fill("{1} of {0}", &[&3, &"x"]), "x of 3");
        assert_eq!(fill("{0} {2}", &[&1, &2]), "1 {2}");
    }

    #[test]
    fn fill_chooses_the_singular_for_one_and_the_plural_otherwise() {
        let template = "{0} {0:account is|accounts are} new; {1} {1:row|rows}";
        assert_eq!(fill(template, &[&0, &1]), "0 accounts are new; 1 row");
        assert_eq!(fill(template, &[&1, &2]), "1 account is new; 2 rows");
        assert_eq!(fill(template, &[&21, &11]), "21 accounts are new; 11 rows");
    }

    #[test]
    fn the_too_large_message_states_the_limits_in_force() {
        use crate::storage::envelope::{MAX_ACCOUNTS, MAX_FILE_BYTES};
        let accounts = crate::domain::plan::facts::group_thousands(MAX_ACCOUNTS as u64);
        let megabytes = format!("{} MB", MAX_FILE_BYTES >> 20);
        for t in [&strings::ZH, &strings::EN] {
            let text = t.load_error(&LoadError::TooLarge);
            assert!(
                text.contains(&accounts) && text.contains(&megabytes),
                "{text}"
            );
        }
    }

    /// The English forms of every count: a number followed by a plural noun must choose
    /// its form, so "1 accounts" cannot come back.
    #[test]
    fn english_counts_read_correctly_for_zero_one_and_many() {
        let plural_after_count = ["accounts", "rows", "facts", "fields", "actions", "items"];
        for (key, text) in strings::EN.entries() {
            for i in 0..10 {
                for noun in plural_after_count {
                    assert!(
                        !text.contains(&format!("{{{i}}} {noun}")),
                        "{key}: “{{{i}}} {noun}” needs {{{i}:…|{noun}}}"
                    );
                }
            }
            // Well-formed choices: `{N:one|other}` with N a placeholder of the string.
            for (start, _) in text.match_indices('{') {
                let inner = &text[start + 1..start + 1 + text[start + 1..].find('}').unwrap_or(0)];
                if let Some((index, forms)) = inner.split_once(':') {
                    assert!(forms.contains('|'), "{key}: {inner} has no “|”");
                    assert!(
                        text.contains(&format!("{{{index}}}")),
                        "{key}: {inner} chooses by a count the string does not show"
                    );
                }
            }
        }
        let en = strings(Language::En);
        for (n, expected) in [(0, "0 accounts"), (1, "1 account"), (2, "2 accounts")] {
            assert_eq!(fill(en.workspace_accounts, &[&n]), expected);
        }
        assert_eq!(
            fill(en.untiered_count, &[&1]),
            "1 account is not fully scored and not tiered yet."
        );
        assert_eq!(fill(en.count_shown, &[&1, &1]), "Showing 1 of 1 account");
        assert_eq!(
            fill(strings(Language::Zh).workspace_accounts, &[&1]),
            "1 个客户"
        );
    }

    #[test]
    fn dates_follow_the_language() {
        let millis = 1_795_305_600_000; // 2026-11-22T00:00:00Z
        assert_eq!(strings(Language::Zh).date(millis), "2026年11月22日");
        assert_eq!(strings(Language::En).date(millis), "22 Nov 2026");
        let january = 1_767_225_600_000; // 2026-01-01T00:00:00Z
        assert_eq!(strings(Language::Zh).date(january), "2026年1月1日");
        assert_eq!(strings(Language::En).date(january), "1 Jan 2026");
    }

    #[test]
    fn a_date_with_its_time_of_day_is_written_in_24_hours() {
        let evening = 1_795_305_600_000 + (21 * 60 + 5) * 60_000; // 2026-11-22T21:05Z
        assert_eq!(
            strings(Language::Zh).date_time(evening),
            "2026年11月22日 21:05"
        );
        assert_eq!(
            strings(Language::En).date_time(evening),
            "22 Nov 2026 21:05"
        );
        assert_eq!(strings(Language::En).date_time(i64::MAX), "");
    }
}
