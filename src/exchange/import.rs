//! Accounts from a spreadsheet. Owns the rules of an import:
//! - which column holds what: guessed from headers in Chinese or English (the app's own
//!   export included), corrected by the user; scores come one column per criterion;
//! - each row checked on its own, every problem named with the row number the user sees
//!   in Excel; blank rows are not data;
//! - duplicates: a row with the number (or, without a number, the name) of an existing
//!   account; a row repeating an earlier row of the same file is a problem;
//! - applying: all ready rows at once, duplicates skipped, updated or added as new.
//!
//! Plain Rust, tested natively. Reading the file itself is in [`super::sheet`].

use crate::domain::engagement::team::Role;
use crate::domain::engagement::SettingsDoc;
use std::collections::HashMap;

use crate::domain::account::{identity_key, parse_employees, Field};
use crate::domain::scoring::{parse_score, ScoreError};
use crate::domain::{
    Account, AccountId, CriterionId, Language, Ownership, Relationship, Score, ScoringModel,
    SizeBand, Workspace,
};
use crate::i18n::{criterion_name, fill, strings, Strings};

use super::sheet::{CellKind, SheetRow};

/// Header names seen in real spreadsheets, besides the app's own labels in both
/// languages (compared after [`normalise_header`]).
fn other_names(field: Field) -> &'static [&'static str] {
    match field {
        Field::Number => &[
            "编号",
            "客户代码",
            "客户编码",
            "客户号",
            "no",
            "number",
            "customerno",
            "customernumber",
            "customercode",
            "accountno",
            "accountnumber",
            "code",
            "id",
        ],
        Field::Name => &[
            "名称",
            "客户",
            "公司名称",
            "企业名称",
            "公司",
            "客户全称",
            "name",
            "company",
            "companyname",
            "customer",
            "customername",
            "account",
            "accountname",
        ],
        Field::Industry => &["所属行业", "industry", "sector"],
        Field::Segment => &["市场细分", "细分", "segment", "marketsegment"],
        Field::Ownership => &["企业性质", "所有制形式", "ownership"],
        Field::SizeBand => &["企业规模", "规模等级", "size", "sizeband", "companysize"],
        Field::CompanyType => &["企业类型", "companytype", "type"],
        Field::Address => &["公司地址", "地址", "address"],
        Field::ContactPerson => &["联系人", "contact", "contactperson", "contactname"],
        Field::Position => &["职务", "职位", "position", "title", "jobtitle"],
        Field::Phone => &[
            "联系电话",
            "手机",
            "电话",
            "phone",
            "telephone",
            "tel",
            "mobile",
        ],
        Field::Email => &["邮箱", "电子邮箱", "email", "mail"],
        Field::Employees => &["员工数", "人数", "employees", "headcount", "staff"],
        Field::MainProducts => &["主要产品", "产品", "products", "mainproducts"],
        Field::MainPartners => &["合作伙伴", "partners", "mainpartners"],
        Field::Relationship => &[
            "状态",
            "客户状态",
            "status",
            "relationship",
            "customerstatus",
        ],
    }
}

/// Headers naming the owners' columns (the app's own labels among them).
const OVERALL_OWNER_NAMES: &[&str] = &["总负责人", "负责人", "overallowner", "owner"];
const DAILY_OWNER_NAMES: &[&str] = &[
    "日常关系负责人",
    "日常负责人",
    "客户经理",
    "dailyrelationshipowner",
    "dailyowner",
    "accountmanager",
];

/// What one column of the file is imported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Ignore,
    Field(Field),
    Score(CriterionId),
    /// A colleague's name as the account's overall owner (总负责人).
    OverallOwner,
    /// A colleague's name as the account's daily relationship owner (日常关系负责人).
    DailyOwner,
}

impl Target {
    /// What a column is imported as, in words.
    pub fn describe(self, t: &Strings, model: &ScoringModel, language: Language) -> String {
        match self {
            Target::Ignore => t.import_ignore.to_owned(),
            Target::Field(field) => t.field(field).to_owned(),
            Target::Score(id) => fill(t.import_score_of, &[&criterion_name(model, id, language)]),
            Target::OverallOwner => t.eng_overall_owner.to_owned(),
            Target::DailyOwner => t.eng_daily_owner.to_owned(),
        }
    }
}

impl Problem {
    /// The problem in words.
    pub fn describe(&self, t: &Strings, model: &ScoringModel, language: Language) -> String {
        match self {
            Problem::MissingName => t.import_missing_name.to_owned(),
            Problem::Score {
                criterion,
                error,
                value,
            } => {
                let name = criterion_name(model, *criterion, language);
                match error {
                    ScoreError::OutOfRange(n) => fill(t.import_score_range, &[&name, n]),
                    ScoreError::NotAWholeNumber => fill(t.import_score_whole, &[&name, value]),
                }
            }
            Problem::NotAChoice { field, value } => {
                let choices: Vec<&str> = match field {
                    Field::Ownership => Ownership::ALL.iter().map(|o| t.ownership(*o)).collect(),
                    Field::SizeBand => SizeBand::ALL.iter().map(|s| t.size_band(*s)).collect(),
                    _ => Relationship::ALL
                        .iter()
                        .map(|r| t.relationship(*r))
                        .collect(),
                };
                fill(
                    t.import_not_a_choice,
                    &[&t.field(*field), value, &choices.join(t.list_separator)],
                )
            }
            Problem::NotAWholeNumber { field, value } => {
                fill(t.import_not_a_number, &[&t.field(*field), value])
            }
            Problem::RepeatsRow { row } => fill(t.import_repeats_row, &[row]),
            Problem::NotText {
                target,
                kind,
                value,
            } => {
                let template = match kind {
                    CellKind::Date => t.import_date_cell,
                    CellKind::Number => t.import_number_cell,
                };
                fill(template, &[&target.describe(t, model, language), value])
            }
        }
    }
}

/// A header reduced for comparison: a trailing weight such as "(40%)" removed (the app's
/// own export writes criteria that way), lower case, letters and digits only.
pub fn normalise_header(header: &str) -> String {
    let mut text = header.trim();
    if let Some(open) = text.rfind(['(', '（']) {
        let tail = &text[open..];
        if tail.contains('%') && (tail.ends_with(')') || tail.ends_with('）')) {
            text = &text[..open];
        }
    }
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The targets of the columns of `header`, guessed from their names: fields by their
/// labels in either language and common alternatives, criteria by their names in either
/// language. Each target is given to the first column that names it; the rest are
/// ignored, as are columns the app computes (rank, axis scores, tier).
pub fn guess_mapping(header: &[String], model: &ScoringModel) -> Vec<Target> {
    let mut known: HashMap<String, Target> = HashMap::new();
    for field in Field::ALL {
        for name in other_names(field) {
            known.insert(normalise_header(name), Target::Field(field));
        }
    }
    // The app's labels come after the alternatives, so e.g. "客户状态" is the status even
    // where a looser alternative would say otherwise; criteria, named by the user, last.
    for language in Language::ALL {
        for field in Field::ALL {
            known.insert(
                normalise_header(strings(language).field(field)),
                Target::Field(field),
            );
        }
    }
    for (target, names) in [
        (Target::OverallOwner, OVERALL_OWNER_NAMES),
        (Target::DailyOwner, DAILY_OWNER_NAMES),
    ] {
        for name in names {
            known.insert(normalise_header(name), target);
        }
    }
    for criterion in &model.criteria {
        for language in Language::ALL {
            let name = normalise_header(criterion.name.get(language));
            if !name.is_empty() {
                known.insert(name, Target::Score(criterion.id));
            }
        }
    }
    let mut used = Vec::new();
    header
        .iter()
        .map(|h| match known.get(&normalise_header(h)) {
            Some(target) if !used.contains(target) => {
                used.push(*target);
                *target
            }
            _ => Target::Ignore,
        })
        .collect()
}

/// For columns the exact names left unmapped, the criterion each most likely means,
/// judged by the pairs of adjacent characters its header shares with the criterion's name
/// in either language ("IT支出" and "年度IT产品/服务预算或实际支出" share "it" and "支出";
/// "Relationship to competitors" and "Relationship with competitors" share most).
/// A guess needs two shared pairs covering at least half of the shorter text; each
/// criterion not already mapped goes to the column it fits best. The user confirms it.
pub fn suggest_criteria(
    header: &[String],
    mapping: &[Target],
    model: &ScoringModel,
) -> Vec<Option<CriterionId>> {
    // Columns the app itself computes are never a criterion's scores.
    let computed: Vec<String> = Language::ALL
        .iter()
        .flat_map(|language| super::ranking_csv::computed_columns(strings(*language)))
        .map(normalise_header)
        .collect();
    let pairs = |text: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = normalise_header(text).chars().collect();
        let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    };
    let fit = |column: &[(char, char)], name: &[(char, char)]| -> Option<f64> {
        let shared = column
            .iter()
            .filter(|p| name.binary_search(p).is_ok())
            .count();
        let shorter = column.len().min(name.len());
        (shared >= 2 && 2 * shared >= shorter).then(|| shared as f64 / shorter as f64)
    };
    // The criteria not mapped yet with their names' pairs, worked out once: a workbook
    // can have thousands of columns.
    let criteria: Vec<_> = model
        .criteria
        .iter()
        .filter(|c| !mapping.contains(&Target::Score(c.id)))
        .map(|c| {
            (
                c.id,
                Language::ALL
                    .iter()
                    .map(|l| pairs(c.name.get(*l)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let mut candidates: Vec<(f64, usize, CriterionId)> = Vec::new();
    for (column, text) in header.iter().enumerate() {
        let unmapped = mapping.get(column).is_none_or(|t| *t == Target::Ignore);
        if !unmapped || computed.contains(&normalise_header(text)) {
            continue;
        }
        let column_pairs = pairs(text);
        for (id, names) in &criteria {
            let best = names
                .iter()
                .filter_map(|name| fit(&column_pairs, name))
                .fold(None, |best: Option<f64>, f| {
                    Some(best.map_or(f, |b| b.max(f)))
                });
            if let Some(score) = best {
                candidates.push((score, column, *id));
            }
        }
    }
    // Best fits first; a column or a criterion is taken once.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut suggested = vec![None; header.len()];
    let mut taken = Vec::new();
    for (_, column, criterion) in candidates {
        if suggested[column].is_none() && !taken.contains(&criterion) {
            suggested[column] = Some(criterion);
            taken.push(criterion);
        }
    }
    suggested
}

/// Why no row can be imported with this mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MappingProblem {
    NoNameColumn,
    /// Two columns fill the same field or criterion.
    TargetTwice(Target),
}

pub fn mapping_problems(mapping: &[Target]) -> Vec<MappingProblem> {
    let mut problems = Vec::new();
    if !mapping.contains(&Target::Field(Field::Name)) {
        problems.push(MappingProblem::NoNameColumn);
    }
    for (i, target) in mapping.iter().enumerate() {
        if *target != Target::Ignore
            && mapping[..i].contains(target)
            && !problems.contains(&MappingProblem::TargetTwice(*target))
        {
            problems.push(MappingProblem::TargetTwice(*target));
        }
    }
    problems
}

/// What is wrong with one cell or row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    MissingName,
    Score {
        criterion: CriterionId,
        error: ScoreError,
        value: String,
    },
    /// Not one of the field's choices (ownership, size band, status).
    NotAChoice {
        field: Field,
        value: String,
    },
    NotAWholeNumber {
        field: Field,
        value: String,
    },
    /// The same number, or without numbers the same name, as an earlier row of the file.
    RepeatsRow {
        row: u32,
    },
    /// A workbook cell holding a date (or, where words belong, a number): usually a
    /// column shifted against its header, so the row is held back rather than imported
    /// with, say, a date as the customer's name.
    NotText {
        target: Target,
        kind: CellKind,
        value: String,
    },
}

/// A row that cannot be imported, with everything wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblems {
    pub row: u32,
    pub problems: Vec<Problem>,
}

/// A row ready to import: the account it describes, the fields its cells filled, and the
/// existing account it duplicates, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadyRow {
    pub row: u32,
    pub account: Account,
    pub filled: Vec<Field>,
    /// The names in the owner columns (overall, daily), if any.
    pub owners: [Option<String>; 2],
    pub duplicate_of: Option<AccountId>,
}

/// The outcome of checking one row.
#[derive(Clone, Debug, PartialEq)]
pub enum Checked {
    /// A row with no text in any cell: not data.
    Blank,
    Ready(Box<ReadyRow>),
    Bad(RowProblems),
}

/// Checks the rows of a file one by one (so the page can check 10,000 rows in slices and
/// show progress), remembering what it has seen to find repeats within the file.
pub struct Checker<'a> {
    mapping: Vec<Target>,
    model: &'a ScoringModel,
    by_number: HashMap<String, AccountId>,
    by_name: HashMap<String, AccountId>,
    /// Accounts without a number, by name: a numbered row may be one of them.
    unnumbered_by_name: HashMap<String, AccountId>,
    seen_numbers: HashMap<String, u32>,
    seen_names: HashMap<String, u32>,
}

impl Target {
    /// Whether a workbook cell of this kind fits the column: numbers suit numbers,
    /// phones, segments (often codes), employees and scores, and the choices (which then
    /// check the value); a date suits no column, since the basic sheet has no dates.
    fn accepts(self, kind: CellKind) -> bool {
        match (self, kind) {
            (Target::Ignore, _) => true,
            (_, CellKind::Date) | (Target::OverallOwner | Target::DailyOwner, _) => false,
            (Target::Score(_), CellKind::Number) => true,
            (Target::Field(field), CellKind::Number) => matches!(
                field,
                Field::Number
                    | Field::Phone
                    | Field::Segment
                    | Field::Employees
                    | Field::Ownership
                    | Field::SizeBand
                    | Field::Relationship
            ),
        }
    }
}

impl<'a> Checker<'a> {
    pub fn new(workspace: &'a Workspace, mapping: &[Target]) -> Self {
        let mut by_number = HashMap::new();
        let mut by_name = HashMap::new();
        let mut unnumbered_by_name = HashMap::new();
        for account in &workspace.accounts {
            let number = identity_key(&account.number);
            let name = identity_key(&account.name);
            if number.is_empty() {
                unnumbered_by_name.entry(name.clone()).or_insert(account.id);
            } else {
                by_number.entry(number).or_insert(account.id);
            }
            by_name.entry(name).or_insert(account.id);
        }
        Checker {
            mapping: mapping.to_vec(),
            model: &workspace.model,
            by_number,
            by_name,
            unnumbered_by_name,
            seen_numbers: HashMap::new(),
            seen_names: HashMap::new(),
        }
    }

    pub fn check(&mut self, row: &SheetRow) -> Checked {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            return Checked::Blank;
        }
        let mut account = Account::default();
        let mut filled = Vec::new();
        let mut owners: [Option<String>; 2] = [None, None];
        let mut problems = Vec::new();
        for (column, (target, cell)) in self.mapping.iter().zip(&row.cells).enumerate() {
            let value = restore_text(cell.trim());
            if value.is_empty() {
                continue;
            }
            if let Some(kind) = row.kind(column) {
                if !target.accepts(kind) {
                    problems.push(Problem::NotText {
                        target: *target,
                        kind,
                        value,
                    });
                    continue;
                }
            }
            match *target {
                Target::Ignore => {}
                Target::Score(criterion) => {
                    if self.model.criterion(criterion).is_none() {
                        continue;
                    }
                    match parse_score(&value) {
                        Ok(score) => {
                            account.scores.insert(
                                criterion,
                                Score {
                                    value: Some(score),
                                    note: String::new(),
                                },
                            );
                        }
                        Err(error) => problems.push(Problem::Score {
                            criterion,
                            error,
                            value,
                        }),
                    }
                }
                Target::Field(field) => match set_field(&mut account, field, value) {
                    Ok(()) => filled.push(field),
                    Err(problem) => problems.push(problem),
                },
                // Named here, placed in our people when the rows are imported.
                Target::OverallOwner => owners[0] = Some(value),
                Target::DailyOwner => owners[1] = Some(value),
            }
        }
        let name_not_text = problems.iter().any(|p| {
            matches!(
                p,
                Problem::NotText {
                    target: Target::Field(Field::Name),
                    ..
                }
            )
        });
        if account.name.is_empty() && !name_not_text {
            problems.insert(0, Problem::MissingName);
        }
        let number = identity_key(&account.number);
        let name = identity_key(&account.name);
        let earlier = if number.is_empty() {
            None
        } else {
            self.seen_numbers.get(&number).copied()
        }
        .or_else(|| {
            // Two rows with different numbers are different customers, even if named
            // alike (branches, say); without numbers, the name decides.
            if name.is_empty() || !number.is_empty() {
                None
            } else {
                self.seen_names.get(&name).copied()
            }
        });
        if let Some(first) = earlier {
            problems.push(Problem::RepeatsRow { row: first });
        }
        if !number.is_empty() {
            self.seen_numbers
                .entry(number.clone())
                .or_insert(row.number);
        }
        if !name.is_empty() && number.is_empty() {
            self.seen_names.entry(name.clone()).or_insert(row.number);
        }
        if !problems.is_empty() {
            return Checked::Bad(RowProblems {
                row: row.number,
                problems,
            });
        }
        let duplicate_of = if number.is_empty() {
            self.by_name.get(&name).copied()
        } else {
            self.by_number
                .get(&number)
                .copied()
                // An existing account without a number is the same customer if named
                // alike; one with another number is not.
                .or_else(|| self.unnumbered_by_name.get(&name).copied())
        };
        Checked::Ready(Box::new(ReadyRow {
            row: row.number,
            account,
            filled,
            owners,
            duplicate_of,
        }))
    }
}

/// Undoes the apostrophe that spreadsheet exports (ours included) put before text that
/// could run as a formula, so exported files import back unchanged.
fn restore_text(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// A choice given as its label in either language or its stored name.
fn choice<T: Copy>(value: &str, all: &[T], labels: impl Fn(&Strings, T) -> &str) -> Option<T> {
    let wanted = normalise_header(value);
    all.iter().copied().find(|option| {
        Language::ALL
            .iter()
            .any(|l| normalise_header(labels(strings(*l), *option)) == wanted)
    })
}

fn set_field(account: &mut Account, field: Field, value: String) -> Result<(), Problem> {
    let not_a_choice = |value: String| Problem::NotAChoice { field, value };
    match field {
        Field::Number => account.number = value,
        Field::Name => account.name = value,
        Field::Industry => account.industry = value,
        Field::Segment => account.segment = value,
        Field::CompanyType => account.company_type = value,
        Field::Address => account.address = value,
        Field::ContactPerson => account.contact_person = value,
        Field::Position => account.position = value,
        Field::Phone => account.phone = value,
        Field::Email => account.email = value,
        Field::MainProducts => account.main_products = value,
        Field::MainPartners => account.main_partners = value,
        Field::Ownership => {
            account.ownership = Some(
                choice(&value, &Ownership::ALL, |t, o| t.ownership(o))
                    .or_else(|| Ownership::from_slug(&value))
                    .ok_or_else(|| not_a_choice(value))?,
            );
        }
        Field::SizeBand => {
            account.size_band = Some(
                choice(&value, &SizeBand::ALL, |t, s| t.size_band(s))
                    .or_else(|| SizeBand::from_slug(&value.to_lowercase()))
                    .or(match value.as_str() {
                        "大" => Some(SizeBand::Large),
                        "中" => Some(SizeBand::Medium),
                        "小" => Some(SizeBand::Small),
                        _ => None,
                    })
                    .ok_or_else(|| not_a_choice(value))?,
            );
        }
        Field::Relationship => {
            account.relationship = choice(&value, &Relationship::ALL, |t, r| t.relationship(r))
                .or_else(|| Relationship::from_slug(&value.to_lowercase()))
                .or(match value.as_str() {
                    "客户" | "老客户" | "已合作" => Some(Relationship::Customer),
                    "潜客" | "新客户" | "未合作" => Some(Relationship::Prospect),
                    _ => None,
                })
                .ok_or_else(|| not_a_choice(value))?;
        }
        Field::Employees => {
            account.employees =
                Some(parse_employees(&value).ok_or(Problem::NotAWholeNumber { field, value })?);
        }
    }
    Ok(())
}

/// What to do with a row that duplicates an existing account.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DuplicatePolicy {
    /// Leave the existing account as it is.
    #[default]
    Skip,
    /// Fill the existing account with the row's non-empty cells.
    Update,
    /// Add the row as another account.
    AddNew,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub skipped: usize,
    /// Owners named in the file who were not among our people, added to them.
    pub people_added: Vec<String>,
}

/// Applies the ready rows to the workspace in one step (nothing half-imported).
pub fn apply_import(
    workspace: &mut Workspace,
    rows: Vec<ReadyRow>,
    policy: DuplicatePolicy,
    now: i64,
) -> ImportSummary {
    let mut summary = ImportSummary::default();
    let mut new_accounts = Vec::new();
    let index: HashMap<AccountId, usize> = workspace
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    // Owner columns name our people: a name not among them is added (as an overall or a
    // daily owner's usual role), so a file's owners are never dropped. A list of people
    // that cannot be read is left alone, and its owners are not set.
    let mut settings = SettingsDoc::read_or_empty(workspace.engagement.as_ref()).ok();
    let mut rows = rows;
    if let Some(settings) = settings.as_mut() {
        for row in &mut rows {
            for (at, role) in [Role::SegmentManager, Role::AccountManager]
                .into_iter()
                .enumerate()
            {
                let Some(name) = row.owners[at].as_deref() else {
                    continue;
                };
                let id = match settings.team.find_by_name(name) {
                    Some(id) => Some(id),
                    None => settings.team.add(name, role, "").ok().inspect(|_| {
                        summary.people_added.push(name.trim().to_owned());
                    }),
                };
                if at == 0 {
                    row.account.overall_owner = id;
                } else {
                    row.account.daily_owner = id;
                }
            }
        }
        if !summary.people_added.is_empty() {
            if let Ok(doc) = SettingsDoc::write(settings) {
                workspace.engagement = doc;
            }
        }
    }
    for row in rows {
        let existing = row.duplicate_of.and_then(|id| index.get(&id).copied());
        match (existing, policy) {
            (Some(_), DuplicatePolicy::Skip) => summary.skipped += 1,
            (Some(i), DuplicatePolicy::Update) => {
                let account = &mut workspace.accounts[i];
                update_from(account, &row);
                account.updated_at = now;
                summary.updated += 1;
            }
            _ => {
                new_accounts.push(row.account);
                summary.added += 1;
            }
        }
    }
    workspace.add_accounts(new_accounts, now);
    summary
}

/// Copies the fields the row filled and its scores (keeping the notes already written).
fn update_from(account: &mut Account, row: &ReadyRow) {
    let from = &row.account;
    for field in &row.filled {
        field.copy(account, from);
    }
    // An owner column left empty keeps the owner there is.
    if from.overall_owner.is_some() {
        account.overall_owner = from.overall_owner;
    }
    if from.daily_owner.is_some() {
        account.daily_owner = from.daily_owner;
    }
    for (criterion, score) in &from.scores {
        account.scores.entry(*criterion).or_default().value = score.value;
    }
}

/// The rows that could not be imported, for fixing in Excel: the header, then each bad
/// row's cells as they were, with one more column saying what is wrong.
pub fn problem_table(
    header: &SheetRow,
    rows: &[&SheetRow],
    problems: &[RowProblems],
    t: &Strings,
    model: &ScoringModel,
    language: Language,
) -> Vec<Vec<String>> {
    let width = rows
        .iter()
        .map(|r| r.cells.len())
        .chain([header.cells.len()])
        .max()
        .unwrap_or(0);
    let padded = |cells: &[String]| {
        let mut cells = cells.to_vec();
        cells.resize(width, String::new());
        cells
    };
    let mut head = padded(&header.cells);
    head.push(t.import_problems_column.to_owned());
    let messages: HashMap<u32, String> = problems
        .iter()
        .map(|p| {
            let text = p
                .problems
                .iter()
                .map(|problem| problem.describe(t, model, language))
                .collect::<Vec<_>>()
                .join(t.import_problem_separator);
            (p.row, text)
        })
        .collect();
    let mut table = vec![head];
    for row in rows {
        if let Some(message) = messages.get(&row.number) {
            let mut cells = padded(&row.cells);
            cells.push(message.clone());
            table.push(cells);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Axis;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    fn row(number: u32, cells: &[&str]) -> SheetRow {
        SheetRow {
            number,
            cells: header(cells),
            typed: Vec::new(),
        }
    }

    fn model() -> ScoringModel {
        ScoringModel::default_model()
    }

    fn first_criterion(model: &ScoringModel, axis: Axis) -> &crate::domain::Criterion {
        model.criteria_on(axis).next().expect("a criterion")
    }

    fn check_all(ws: &Workspace, mapping: &[Target], rows: &[SheetRow]) -> Vec<Checked> {
        let mut checker = Checker::new(ws, mapping);
        rows.iter().map(|r| checker.check(r)).collect()
    }

    fn ready(checked: &Checked) -> &ReadyRow {
        match checked {
            Checked::Ready(r) => r,
            other => panic!("not ready: {other:?}"),
        }
    }

    fn bad(checked: &Checked) -> &RowProblems {
        match checked {
            Checked::Bad(p) => p,
            other => panic!("not bad: {other:?}"),
        }
    }

    #[test]
    fn chinese_and_english_headers_are_matched_to_fields() {
        let m = model();
        let mapping = guess_mapping(
            &header(&[
                "客户名称",
                "Company name",
                "客户编号",
                "行业",
                "E-mail",
                "规模",
                "未知列",
            ]),
            &m,
        );
        assert_eq!(
            mapping,
            vec![
                Target::Field(Field::Name),
                // Already taken by the first column.
                Target::Ignore,
                Target::Field(Field::Number),
                Target::Field(Field::Industry),
                Target::Field(Field::Email),
                Target::Field(Field::SizeBand),
                Target::Ignore,
            ]
        );
        let english = guess_mapping(
            &header(&["Customer no.", "Name", "Segment", "Size band", "Status"]),
            &m,
        );
        assert_eq!(
            english,
            vec![
                Target::Field(Field::Number),
                Target::Field(Field::Name),
                Target::Field(Field::Segment),
                Target::Field(Field::SizeBand),
                Target::Field(Field::Relationship),
            ]
        );
    }

    #[test]
    fn criteria_columns_are_matched_by_name_in_either_language_with_or_without_weight() {
        let m = model();
        let a = first_criterion(&m, Axis::Attractiveness);
        let f = first_criterion(&m, Axis::Feasibility);
        let mapping = guess_mapping(
            &[
                format!("{} ({}%)", a.name.zh, a.weight),
                f.name.en.to_uppercase(),
            ],
            &m,
        );
        assert_eq!(mapping, vec![Target::Score(a.id), Target::Score(f.id)]);
    }

    #[test]
    fn headers_close_to_a_criterion_name_suggest_it_and_others_suggest_nothing() {
        let m = model();
        let header: Vec<String> = [
            "客户名称",
            "IT支出",
            "与我们现有关系",
            "与竞争对手关系",
            "Relationship to competitors",
            "备注",
            "吸引力",
            "Headquarters city",
        ]
        .map(String::from)
        .to_vec();
        let mapping = guess_mapping(&header, &m);
        assert_eq!(mapping[1], Target::Ignore, "not an exact name");
        let suggested = suggest_criteria(&header, &mapping, &m);
        let id = |zh: &str| {
            m.criteria
                .iter()
                .find(|c| c.name.zh == zh)
                .map(|c| c.id)
                .expect("a default criterion")
        };
        assert_eq!(suggested[0], None, "mapped exactly already");
        assert_eq!(suggested[1], Some(id("年度IT产品/服务预算或实际支出")));
        assert_eq!(suggested[2], Some(id("与我们现有业务的关系")));
        // Two columns for one criterion: it goes to the one that fits it better (the
        // English header is all but its name).
        assert_eq!(suggested[3], None);
        assert_eq!(suggested[4], Some(id("客户与竞争对手的关系")));
        assert_eq!(suggested[5], None);
        assert_eq!(suggested[6], None, "a column the app computes");
        assert_eq!(suggested[7], None);
        // English headers near the English names.
        let header: Vec<String> = ["Name", "Spend in our category", "Attitude to our service"]
            .map(String::from)
            .to_vec();
        let suggested = suggest_criteria(&header, &guess_mapping(&header, &m), &m);
        let en = |name: &str| m.criteria.iter().find(|c| c.name.en == name).map(|c| c.id);
        assert_eq!(
            suggested,
            vec![
                None,
                en("Spend on our category"),
                en("Attitude toward our services")
            ]
        );
    }

    #[test]
    fn a_criterion_already_mapped_is_not_suggested_again() {
        let m = model();
        let header: Vec<String> = ["客户与竞争对手的关系", "与竞争对手关系"]
            .map(String::from)
            .to_vec();
        let mapping = guess_mapping(&header, &m);
        assert!(matches!(mapping[0], Target::Score(_)));
        assert_eq!(suggest_criteria(&header, &mapping, &m), vec![None, None]);
    }

    #[test]
    fn owner_columns_name_our_people_and_a_new_name_joins_them() {
        let mut ws = Workspace::default();
        let mut settings = crate::domain::engagement::EngagementSettings::default();
        let wang = settings
            .team
            .add("Wang Wei", Role::SegmentManager, "")
            .expect("added");
        let li = settings
            .team
            .add("李娜", Role::AccountManager, "")
            .expect("added");
        ws.engagement = SettingsDoc::write(&settings).expect("writes");
        let existing = ws.add_account(
            Account {
                name: "Eastbay".into(),
                daily_owner: Some(li),
                ..Account::default()
            },
            0,
        );
        let mapping = guess_mapping(
            &header(&["客户名称", "总负责人", "Daily relationship owner"]),
            &model(),
        );
        assert_eq!(
            mapping,
            vec![
                Target::Field(Field::Name),
                Target::OverallOwner,
                Target::DailyOwner
            ]
        );
        let checked = check_all(
            &ws,
            &mapping,
            &[
                row(2, &["Northwind", " wang wei ", "李娜"]),
                row(3, &["Harbor", "Zhao Lei", ""]),
                row(4, &["Eastbay", "Wang Wei", ""]),
                row(5, &["Lakeside", "zhao lei", ""]),
            ],
        );
        let rows: Vec<ReadyRow> = checked.iter().map(|c| ready(c).clone()).collect();
        let summary = apply_import(&mut ws, rows, DuplicatePolicy::Update, 1);
        assert_eq!(
            summary.people_added,
            vec!["Zhao Lei".to_owned()],
            "added once"
        );
        let team = SettingsDoc::read_or_empty(ws.engagement.as_ref())
            .expect("readable")
            .team;
        let zhao = team.find_by_name("Zhao Lei").expect("joined our people");
        assert_eq!(team.get(zhao).map(|p| p.role), Some(Role::SegmentManager));
        let owners = |name: &str| {
            ws.accounts
                .iter()
                .find(|a| a.name == name)
                .map(|a| (a.overall_owner, a.daily_owner))
        };
        assert_eq!(owners("Northwind"), Some((Some(wang), Some(li))));
        assert_eq!(owners("Harbor"), Some((Some(zhao), None)));
        assert_eq!(owners("Lakeside"), Some((Some(zhao), None)));
        // Updating an existing account: the empty daily-owner cell keeps its owner.
        assert_eq!(summary.updated, 1);
        assert_eq!(
            ws.account(existing)
                .map(|a| (a.overall_owner, a.daily_owner)),
            Some((Some(wang), Some(li)))
        );
    }

    #[test]
    fn the_apps_own_export_headers_map_back_and_computed_columns_are_ignored() {
        let m = model();
        for language in Language::ALL {
            let t = strings(language);
            let ws = Workspace::default();
            let table = crate::exchange::ranking_csv::ranking_table(
                &[],
                |id| ws.account(id),
                &m,
                &crate::domain::engagement::team::Team::default(),
                t,
                language,
            );
            let mapping = guess_mapping(&table[0], &m);
            let expected_fields = [
                Field::Number,
                Field::Name,
                Field::Segment,
                Field::SizeBand,
                Field::Relationship,
            ];
            for field in expected_fields {
                assert!(
                    mapping.contains(&Target::Field(field)),
                    "{language:?} {field:?}"
                );
            }
            for criterion in &m.criteria {
                assert!(mapping.contains(&Target::Score(criterion.id)));
            }
            assert!(
                mapping.contains(&Target::OverallOwner) && mapping.contains(&Target::DailyOwner)
            );
            // Rank, both axis scores and their sum, tier, override and screening.
            assert_eq!(
                mapping.iter().filter(|t| **t == Target::Ignore).count(),
                7,
                "{language:?}: {mapping:?}"
            );
        }
    }

    #[test]
    fn a_mapping_without_a_name_column_or_with_a_target_twice_is_refused() {
        assert_eq!(
            mapping_problems(&[Target::Field(Field::Number)]),
            vec![MappingProblem::NoNameColumn]
        );
        assert_eq!(
            mapping_problems(&[
                Target::Field(Field::Name),
                Target::Score(3),
                Target::Score(3),
                Target::Ignore,
                Target::Ignore,
            ]),
            vec![MappingProblem::TargetTwice(Target::Score(3))]
        );
        assert!(mapping_problems(&[Target::Field(Field::Name), Target::Ignore]).is_empty());
    }

    #[test]
    fn a_score_outside_1_to_10_is_a_problem_of_its_row() {
        let ws = Workspace::default();
        let c = first_criterion(&ws.model, Axis::Attractiveness).id;
        let mapping = [Target::Field(Field::Name), Target::Score(c)];
        let checked = check_all(
            &ws,
            &mapping,
            &[row(17, &["甲公司", "11"]), row(18, &["乙公司", "七"])],
        );
        assert_eq!(
            bad(&checked[0]),
            &RowProblems {
                row: 17,
                problems: vec![Problem::Score {
                    criterion: c,
                    error: ScoreError::OutOfRange(11),
                    value: "11".into()
                }]
            }
        );
        assert!(matches!(
            bad(&checked[1]).problems[0],
            Problem::Score {
                error: ScoreError::NotAWholeNumber,
                ..
            }
        ));
        let t = strings(Language::En);
        let message = bad(&checked[0]).problems[0].describe(t, &ws.model, Language::En);
        assert!(
            message.contains("11") && message.contains("1–10"),
            "{message}"
        );
    }

    #[test]
    fn a_date_anywhere_or_a_number_where_words_belong_holds_the_row_back() {
        use crate::exchange::sheet::{CellKind, TypedCell};
        let ws = Workspace::default();
        let c = first_criterion(&ws.model, Axis::Attractiveness).id;
        let mapping = [
            Target::Field(Field::Number),
            Target::Field(Field::Name),
            Target::Field(Field::Phone),
            Target::Score(c),
            Target::Field(Field::ContactPerson),
        ];
        let typed = |cells: &[(u32, CellKind)]| {
            cells
                .iter()
                .map(|&(column, kind)| TypedCell { column, kind })
                .collect::<Vec<_>>()
        };
        let mut shifted = row(2, &["30001", "2025-03-14", "13800138000", "7", ""]);
        shifted.typed = typed(&[
            (0, CellKind::Number),
            (1, CellKind::Date),
            (2, CellKind::Number),
            (3, CellKind::Number),
        ]);
        let mut numbered = row(3, &["30002", "甲公司", "", "2026-01-05", "42"]);
        numbered.typed = typed(&[(3, CellKind::Date), (4, CellKind::Number)]);
        let mut fine = row(4, &["30003", "乙公司", "13900139000", "8", "王芳"]);
        fine.typed = typed(&[
            (0, CellKind::Number),
            (2, CellKind::Number),
            (3, CellKind::Number),
        ]);
        let checked = check_all(&ws, &mapping, &[shifted, numbered, fine]);
        assert_eq!(
            bad(&checked[0]).problems,
            vec![Problem::NotText {
                target: Target::Field(Field::Name),
                kind: CellKind::Date,
                value: "2025-03-14".into()
            }]
        );
        assert_eq!(
            bad(&checked[1]).problems,
            vec![
                Problem::NotText {
                    target: Target::Score(c),
                    kind: CellKind::Date,
                    value: "2026-01-05".into()
                },
                Problem::NotText {
                    target: Target::Field(Field::ContactPerson),
                    kind: CellKind::Number,
                    value: "42".into()
                }
            ]
        );
        // Numbers where numbers belong stay as the user sees them.
        let account = &ready(&checked[2]).account;
        assert_eq!(
            (account.number.as_str(), account.phone.as_str()),
            ("30003", "13900139000")
        );
        let t = strings(Language::En);
        assert_eq!(
            bad(&checked[0]).problems[0].describe(t, &ws.model, Language::En),
            "Name holds a date, 2025-03-14: is a column shifted?"
        );
    }

    #[test]
    fn a_row_without_a_name_is_a_problem_and_blank_rows_are_not_data() {
        let ws = Workspace::default();
        let mapping = [Target::Field(Field::Number), Target::Field(Field::Name)];
        let checked = check_all(&ws, &mapping, &[row(2, &["K-1", " "]), row(3, &["", ""])]);
        assert_eq!(bad(&checked[0]).problems, vec![Problem::MissingName]);
        assert_eq!(checked[1], Checked::Blank);
    }

    #[test]
    fn choices_are_read_in_either_language_and_unknown_ones_are_problems() {
        let ws = Workspace::default();
        let mapping = [
            Target::Field(Field::Name),
            Target::Field(Field::Ownership),
            Target::Field(Field::SizeBand),
            Target::Field(Field::Relationship),
            Target::Field(Field::Employees),
        ];
        let checked = check_all(
            &ws,
            &mapping,
            &[
                row(2, &["A", "合资", "Large", "现有客户", "1,200"]),
                row(3, &["B", "joint venture", "小", "prospect", "80"]),
                row(4, &["C", "集体", "huge", "maybe", "many"]),
            ],
        );
        let a = &ready(&checked[0]).account;
        assert_eq!(a.ownership, Some(Ownership::JointVenture));
        assert_eq!(a.size_band, Some(SizeBand::Large));
        assert_eq!(a.relationship, Relationship::Customer);
        assert_eq!(a.employees, Some(1200));
        let b = &ready(&checked[1]).account;
        assert_eq!(b.ownership, Some(Ownership::JointVenture));
        assert_eq!(b.size_band, Some(SizeBand::Small));
        assert_eq!(b.relationship, Relationship::Prospect);
        assert_eq!(
            bad(&checked[2]).problems,
            vec![
                Problem::NotAChoice {
                    field: Field::Ownership,
                    value: "集体".into()
                },
                Problem::NotAChoice {
                    field: Field::SizeBand,
                    value: "huge".into()
                },
                Problem::NotAChoice {
                    field: Field::Relationship,
                    value: "maybe".into()
                },
                Problem::NotAWholeNumber {
                    field: Field::Employees,
                    value: "many".into()
                },
            ]
        );
    }

    #[test]
    fn text_neutralised_against_formulas_imports_back_as_it_was() {
        let ws = Workspace::default();
        let mapping = [Target::Field(Field::Name), Target::Field(Field::Phone)];
        let checked = check_all(&ws, &mapping, &[row(2, &["'=A1", "'+86 21 5555"])]);
        let account = &ready(&checked[0]).account;
        assert_eq!(account.name, "=A1");
        assert_eq!(account.phone, "+86 21 5555");
        let checked = check_all(&ws, &mapping, &[row(2, &["O'Brien", "'x"])]);
        assert_eq!(ready(&checked[0]).account.name, "O'Brien");
        assert_eq!(ready(&checked[0]).account.phone, "'x");
    }

    #[test]
    fn duplicates_of_existing_accounts_are_found_by_number_then_by_name() {
        let mut ws = Workspace::default();
        let numbered = ws.add_account(
            Account {
                number: "K-001".into(),
                name: "甲公司".into(),
                ..Account::default()
            },
            0,
        );
        let unnumbered = ws.add_account(
            Account {
                name: "乙 公司".into(),
                ..Account::default()
            },
            0,
        );
        let mapping = [Target::Field(Field::Number), Target::Field(Field::Name)];
        let checked = check_all(
            &ws,
            &mapping,
            &[
                row(2, &["k-001", "renamed"]),
                row(3, &["", "乙  公司"]),
                row(4, &["K-002", "乙 公司"]),
                row(5, &["K-003", "甲公司"]),
                row(6, &["", "丙公司"]),
            ],
        );
        assert_eq!(ready(&checked[0]).duplicate_of, Some(numbered));
        assert_eq!(ready(&checked[1]).duplicate_of, Some(unnumbered));
        // A numbered row matches an unnumbered account of the same name…
        assert_eq!(ready(&checked[2]).duplicate_of, Some(unnumbered));
        // …but not an account that has another number.
        assert_eq!(ready(&checked[3]).duplicate_of, None);
        assert_eq!(ready(&checked[4]).duplicate_of, None);
    }

    #[test]
    fn a_row_repeating_an_earlier_row_of_the_file_is_a_problem() {
        let ws = Workspace::default();
        let mapping = [Target::Field(Field::Number), Target::Field(Field::Name)];
        let checked = check_all(
            &ws,
            &mapping,
            &[
                row(2, &["K-1", "A"]),
                row(3, &["K-1", "B"]),
                row(4, &["", "C"]),
                row(5, &["", "c"]),
                row(6, &["K-2", "C"]),
            ],
        );
        assert_eq!(
            bad(&checked[1]).problems,
            vec![Problem::RepeatsRow { row: 2 }]
        );
        assert_eq!(
            bad(&checked[3]).problems,
            vec![Problem::RepeatsRow { row: 4 }]
        );
        // A different number makes a different customer even with the same name.
        ready(&checked[4]);
    }

    fn import(
        ws: &mut Workspace,
        mapping: &[Target],
        rows: &[SheetRow],
        policy: DuplicatePolicy,
    ) -> ImportSummary {
        let ready_rows: Vec<ReadyRow> = check_all(ws, mapping, rows)
            .into_iter()
            .filter_map(|c| match c {
                Checked::Ready(r) => Some(*r),
                _ => None,
            })
            .collect();
        apply_import(ws, ready_rows, policy, 99)
    }

    fn existing() -> (Workspace, AccountId, CriterionId) {
        let mut ws = Workspace::default();
        let c = first_criterion(&ws.model, Axis::Attractiveness).id;
        let mut account = Account {
            number: "K-1".into(),
            name: "甲公司".into(),
            industry: "汽车".into(),
            ..Account::default()
        };
        account.scores.insert(
            c,
            Score {
                value: Some(3),
                note: "kept".into(),
            },
        );
        let id = ws.add_account(account, 0);
        (ws, id, c)
    }

    #[test]
    fn duplicates_are_skipped_updated_or_added_as_the_user_chooses() {
        let rows = |c: CriterionId| {
            let _ = c;
            vec![
                row(2, &["K-1", "甲公司新名", "", "8"]),
                row(3, &["K-2", "乙公司", "机械", "5"]),
            ]
        };
        let mapping = |c| {
            vec![
                Target::Field(Field::Number),
                Target::Field(Field::Name),
                Target::Field(Field::Industry),
                Target::Score(c),
            ]
        };

        let (mut ws, id, c) = existing();
        let summary = import(&mut ws, &mapping(c), &rows(c), DuplicatePolicy::Skip);
        assert_eq!(
            summary,
            ImportSummary {
                added: 1,
                updated: 0,
                skipped: 1,
                people_added: Vec::new(),
            }
        );
        assert_eq!(ws.account(id).map(|a| a.name.as_str()), Some("甲公司"));

        let (mut ws, id, c) = existing();
        let summary = import(&mut ws, &mapping(c), &rows(c), DuplicatePolicy::Update);
        assert_eq!((summary.added, summary.updated, summary.skipped), (1, 1, 0));
        let updated = ws.account(id).expect("still there");
        assert_eq!(updated.name, "甲公司新名");
        // An empty cell leaves the field as it was; the score's note stays.
        assert_eq!(updated.industry, "汽车");
        assert_eq!(
            updated.scores.get(&c),
            Some(&Score {
                value: Some(8),
                note: "kept".into()
            })
        );
        assert_eq!(updated.updated_at, 99);

        let (mut ws, id, c) = existing();
        let summary = import(&mut ws, &mapping(c), &rows(c), DuplicatePolicy::AddNew);
        assert_eq!((summary.added, summary.updated, summary.skipped), (2, 0, 0));
        assert_eq!(ws.accounts.len(), 3);
        assert_eq!(ws.account(id).map(|a| a.name.as_str()), Some("甲公司"));
    }

    #[test]
    fn imported_accounts_get_fresh_ids_and_their_scores() {
        let (mut ws, id, c) = existing();
        let rows: Vec<SheetRow> = (0..1000)
            .map(|i| row(i + 2, &[&format!("N-{i}"), &format!("客户{i}"), "", "7"]))
            .collect();
        let mapping = [
            Target::Field(Field::Number),
            Target::Field(Field::Name),
            Target::Field(Field::Industry),
            Target::Score(c),
        ];
        let summary = import(&mut ws, &mapping, &rows, DuplicatePolicy::Skip);
        assert_eq!(summary.added, 1000);
        let mut ids: Vec<AccountId> = ws.accounts.iter().map(|a| a.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 1001);
        assert!(ids.iter().all(|i| *i >= id));
        let last = ws.accounts.last().expect("added");
        assert_eq!(last.scores.get(&c).and_then(|s| s.value), Some(7));
        assert_eq!((last.created_at, last.updated_at), (99, 99));
        assert!(ws.next_account_id > *ids.last().expect("ids"));
    }

    #[test]
    fn bad_rows_are_exported_as_they_were_with_what_is_wrong() {
        let ws = Workspace::default();
        let c = first_criterion(&ws.model, Axis::Attractiveness).id;
        let head = row(1, &["名称", "评分"]);
        let rows = [row(2, &["甲", "5"]), row(3, &["乙", "11"]), row(4, &[""])];
        let mapping = [Target::Field(Field::Name), Target::Score(c)];
        let problems: Vec<RowProblems> = check_all(&ws, &mapping, &rows)
            .into_iter()
            .filter_map(|c| match c {
                Checked::Bad(p) => Some(p),
                _ => None,
            })
            .collect();
        let refs: Vec<&SheetRow> = rows.iter().collect();
        let t = strings(Language::Zh);
        let table = problem_table(&head, &refs, &problems, t, &ws.model, Language::Zh);
        assert_eq!(table.len(), 2);
        assert_eq!(
            table[0],
            header(&["名称", "评分", t.import_problems_column])
        );
        assert_eq!(&table[1][..2], &header(&["乙", "11"])[..]);
        assert!(table[1][2].contains("11"), "{}", table[1][2]);
    }
}
