//! Importing accounts from a spreadsheet (从表格导入): choose a CSV or XLSX file, see how
//! its columns map to fields and criteria and correct them, see every row with a problem
//! (and download those rows to fix them), choose what happens to duplicates, import.
//! The file is read in the sheets worker (`sheets.rs`); the rules are in
//! `crate::exchange::import`; rows are checked in slices so the page stays responsive.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::account::Field;
use crate::domain::{Axis, Language};
use crate::exchange::import::{
    apply_import, guess_mapping, mapping_problems, problem_table, suggest_criteria, Checked,
    Checker, DuplicatePolicy, ImportSummary, MappingProblem, ReadyRow, RowProblems, Target,
};
use crate::exchange::sheet::ENCODINGS;
use crate::i18n::{fill, strings, Strings};

use super::dom;
use super::router::{navigate, Route};
use super::sheets::{self, SheetError, SheetFile};
use super::state::{use_app, AppState, Notice};
use super::tools_module;
use super::widgets::{tr, ShowMore, PAGE_SIZE};

/// Rows checked between two repaints.
const CHECK_SLICE: usize = 1_000;

/// Sample values shown per column in the mapping table.
const EXAMPLES: usize = 3;

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Choose,
    Reading { rows: u32 },
    Review,
    Importing,
}

/// The outcome of checking every row with the current mapping.
#[derive(Debug)]
struct CheckResult {
    ready: Vec<ReadyRow>,
    bad: Vec<RowProblems>,
    duplicates: usize,
}

fn sheet_error(error: &SheetError, t: &Strings, file_name: &str) -> String {
    match error {
        SheetError::ToolsFailed(reason) => fill(t.sheets_failed, &[reason]),
        SheetError::Empty => fill(t.import_read_failed, &[&file_name, &t.import_empty_file]),
        SheetError::OldExcel => fill(t.import_read_failed, &[&file_name, &t.import_old_excel]),
        SheetError::NotASheet => fill(t.import_read_failed, &[&file_name, &t.import_not_a_sheet]),
        SheetError::TooLarge => {
            let limits = &crate::exchange::sheet::XLSX_LIMITS;
            let grouped = crate::domain::plan::facts::group_thousands;
            let reason = fill(
                t.import_too_large,
                &[
                    &grouped(u64::from(limits.columns)),
                    &grouped(limits.cells as u64),
                    &(limits.unpacked_bytes / (1024 * 1024)),
                ],
            );
            fill(t.import_read_failed, &[&file_name, &reason])
        }
        SheetError::Unreadable(reason) => fill(t.import_read_failed, &[&file_name, reason]),
    }
}

fn target_value(target: Target) -> String {
    match target {
        Target::Ignore => "ignore".to_owned(),
        Target::Field(field) => {
            let index = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
            format!("f{index}")
        }
        Target::Score(id) => format!("s{id}"),
        Target::OverallOwner => "overall-owner".to_owned(),
        Target::DailyOwner => "daily-owner".to_owned(),
    }
}

fn target_from_value(value: &str) -> Target {
    if let Some(index) = value
        .strip_prefix('f')
        .and_then(|i| i.parse::<usize>().ok())
    {
        if let Some(field) = Field::ALL.get(index) {
            return Target::Field(*field);
        }
    }
    match value {
        "overall-owner" => return Target::OverallOwner,
        "daily-owner" => return Target::DailyOwner,
        _ => {}
    }
    match value.strip_prefix('s').and_then(|i| i.parse().ok()) {
        Some(id) => Target::Score(id),
        None => Target::Ignore,
    }
}

fn encoding_label(encoding: &str) -> &'static str {
    match encoding {
        "utf-8" => "UTF-8",
        "gb18030" => "GB18030 / GBK",
        "big5" => "Big5",
        _ => "UTF-16",
    }
}

/// Offers `table` as a CSV download (written by the tools module).
async fn download_csv(table: Vec<Vec<String>>, file_stem: &str) -> Result<(), String> {
    tools_module::load().await?;
    let bytes = tools_module::csv_file(&table)?;
    let blob = dom::bytes_blob("text/csv;charset=utf-8", &bytes)?;
    dom::download_blob(&format!("{file_stem}-{}.csv", dom::today_stamp()), &blob)
}

/// Checks every data row in slices, giving the page a turn between slices; gives up
/// when a newer check has started (the mapping changed).
async fn check_rows(
    app: AppState,
    file: Arc<SheetFile>,
    mapping: Vec<Target>,
    run: u32,
    runs: StoredValue<u32>,
    progress: RwSignal<Option<(usize, usize)>>,
    result: RwSignal<Option<Arc<CheckResult>>>,
) {
    let workspace = app.workspace.get_untracked();
    let mut checker = Checker::new(&workspace, &mapping);
    let rows = file.rows.get(1..).unwrap_or_default();
    let mut ready = Vec::new();
    let mut bad = Vec::new();
    for (i, slice) in rows.chunks(CHECK_SLICE).enumerate() {
        progress.set(Some((i * CHECK_SLICE, rows.len())));
        dom::next_turn().await;
        // The mapping changed (a newer check runs) or the page is gone.
        if runs.try_get_value() != Some(run) {
            return;
        }
        for row in slice {
            match checker.check(row) {
                Checked::Blank => {}
                Checked::Ready(row) => ready.push(*row),
                Checked::Bad(problems) => bad.push(problems),
            }
        }
    }
    let duplicates = ready.iter().filter(|r| r.duplicate_of.is_some()).count();
    progress.set(None);
    result.set(Some(Arc::new(CheckResult {
        ready,
        bad,
        duplicates,
    })));
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let app = use_app();
    let stage = RwSignal::new(Stage::Choose);
    let file_name = RwSignal::new(String::new());
    let bytes = StoredValue::new_local(None::<js_sys::Uint8Array>);
    let sheet = RwSignal::new(None::<Arc<SheetFile>>);
    let mapping = RwSignal::new(Vec::<Target>::new());
    // Columns mapped by a guess from a close name, until the user confirms or changes them.
    let guessed = RwSignal::new(Vec::<bool>::new());
    let result = RwSignal::new(None::<Arc<CheckResult>>);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let policy = RwSignal::new(DuplicatePolicy::Skip);
    let error = RwSignal::new(None::<String>);
    let runs = StoredValue::new(0u32);

    // Reads (or re-reads, in another encoding or sheet) the chosen file.
    let read = move |encoding: String, sheet_index: usize| {
        // Called after awaiting the file: the page may be gone by then.
        let Some(data) = bytes.try_get_value().flatten() else {
            return;
        };
        stage.set(Stage::Reading { rows: 0 });
        error.set(None);
        spawn_local(async move {
            // Headers and choices are matched in both languages: both tables are needed
            // (the other one is normally loaded already, in the background).
            for language in Language::ALL {
                if let Err(reason) = super::texts::load(language).await {
                    error.set(Some(reason));
                    stage.set(Stage::Choose);
                    return;
                }
            }
            let read = sheets::read_sheet(&data, &encoding, sheet_index, move |rows| {
                stage.set(Stage::Reading { rows })
            })
            .await;
            match read {
                Ok(file) => {
                    let header = file
                        .rows
                        .first()
                        .map(|r| r.cells.clone())
                        .unwrap_or_default();
                    let (mut exact, suggested) = app.workspace.with_untracked(|ws| {
                        let exact = guess_mapping(&header, &ws.model);
                        let suggested = suggest_criteria(&header, &exact, &ws.model);
                        (exact, suggested)
                    });
                    let mut marks = vec![false; exact.len()];
                    for (column, criterion) in suggested.into_iter().enumerate() {
                        if let (Some(id), Some(target)) = (criterion, exact.get_mut(column)) {
                            *target = Target::Score(id);
                            marks[column] = true;
                        }
                    }
                    sheet.set(Some(Arc::new(file)));
                    guessed.set(marks);
                    mapping.set(exact);
                    stage.set(Stage::Review);
                }
                Err(e) => {
                    let t = strings(app.language.get_untracked());
                    error.set(Some(sheet_error(
                        &e,
                        t,
                        &file_name.try_get_untracked().unwrap_or_default(),
                    )));
                    sheet.set(None);
                    stage.set(Stage::Choose);
                }
            }
        });
    };

    // Every change of the mapping checks the rows again.
    Effect::new(move |_| {
        let mapping = mapping.get();
        let run = runs.get_value().wrapping_add(1);
        runs.set_value(run);
        result.set(None);
        let Some(file) = sheet.get() else {
            return;
        };
        if mapping_problems(&mapping).is_empty() {
            spawn_local(check_rows(app, file, mapping, run, runs, progress, result));
        }
    });

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Choosing the same file again must read it again.
        input.set_value("");
        file_name.set(file.name());
        error.set(None);
        spawn_local(async move {
            match dom::read_file_bytes(&file).await {
                Ok(data) => {
                    bytes.set_value(Some(data));
                    read(String::new(), 0);
                }
                Err(reason) => {
                    let t = strings(app.language.get_untracked());
                    error.set(Some(fill(
                        t.import_read_failed,
                        &[&file_name.try_get_untracked().unwrap_or_default(), &reason],
                    )));
                }
            }
        });
    };

    let download_template = move |_| {
        spawn_local(async move {
            let language = app.language.get_untracked();
            let t = strings(language);
            let mut header: Vec<String> =
                Field::ALL.iter().map(|f| t.field(*f).to_owned()).collect();
            app.workspace.with_untracked(|ws| {
                header.extend(
                    Axis::ALL
                        .iter()
                        .flat_map(|axis| ws.model.criteria_on(*axis))
                        .map(|c| c.name.get(language).to_owned()),
                )
            });
            if let Err(reason) = download_csv(vec![header], t.import_template_file).await {
                app.notify(Notice::Error(fill(t.export_failed, &[&reason])));
            }
        });
    };

    let run_import = move |_| {
        let Some(checked) = result.get_untracked() else {
            return;
        };
        let rows = checked.ready.clone();
        let problems = checked.bad.len();
        let chosen = policy.get_untracked();
        stage.set(Stage::Importing);
        spawn_local(async move {
            // Let "importing…" show before the work.
            dom::next_turn().await;
            let now = app.now();
            let mut summary = ImportSummary::default();
            app.edit(|ws| summary = apply_import(ws, rows, chosen, now));
            let t = strings(app.language.get_untracked());
            let mut text = fill(
                t.import_summary,
                &[
                    &file_name.try_get_untracked().unwrap_or_default(),
                    &summary.added,
                    &summary.updated,
                    &summary.skipped,
                    &problems,
                ],
            );
            if !summary.people_added.is_empty() {
                text.push(' ');
                text.push_str(&fill(
                    t.import_people_added,
                    &[&summary.people_added.join(t.list_separator)],
                ));
            }
            app.notify(Notice::Info(text));
            navigate(Route::Accounts);
        });
    };

    let choose_file = move || {
        view! {
            <label class="button file-button" data-testid="import-choose">
                {move || if sheet.with(Option::is_some) { app.t().import_choose_other } else { app.t().import_choose_file }}
                <input type="file" class="visually-hidden" data-testid="import-sheet-file"
                    accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    on:change=on_file/>
            </label>
        }
    };

    view! {
        <section class="page import-page">
            <div class="page-head">
                <h1>{tr(|t| t.import_title)}</h1>
                <button type="button" on:click=download_template data-testid="import-template">
                    {tr(|t| t.import_template)}
                </button>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="import-error">{e}</p> })}
            {move || match stage.get() {
                Stage::Choose => view! {
                    <div class="import-choose">
                        <p>{tr(|t| t.import_intro)}</p>
                        <div class="actions">{choose_file()}</div>
                    </div>
                }.into_any(),
                Stage::Reading { rows } => view! {
                    <div class="import-progress" role="status" data-testid="import-reading">
                        <p>{move || fill(app.t().import_reading, &[&file_name.get()])}</p>
                        <progress></progress>
                        <p>{move || (rows > 0).then(|| fill(app.t().import_rows_read, &[&rows]))}</p>
                    </div>
                }.into_any(),
                Stage::Importing => view! {
                    <div class="import-progress" role="status" data-testid="import-importing">
                        <p>{tr(|t| t.import_importing)}</p>
                        <progress></progress>
                    </div>
                }.into_any(),
                Stage::Review => view! {
                    <Review file_name=file_name sheet=sheet mapping=mapping guessed=guessed result=result
                        progress=progress policy=policy read=read/>
                    <div class="actions">
                        {choose_file()}
                        <ImportButton result=result policy=policy guessed=guessed on_import=run_import/>
                        <a class="button" href=Route::Accounts.href()>{tr(|t| t.cancel)}</a>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ImportButton(
    result: RwSignal<Option<Arc<CheckResult>>>,
    policy: RwSignal<DuplicatePolicy>,
    guessed: RwSignal<Vec<bool>>,
    on_import: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let app = use_app();
    let unconfirmed = move || guessed.with(|g| g.iter().filter(|g| **g).count());
    let count = move || {
        result.with(|r| {
            r.as_ref().map_or(0, |r| match policy.get() {
                DuplicatePolicy::Skip => r.ready.len() - r.duplicates,
                _ => r.ready.len(),
            })
        })
    };
    view! {
        <button type="button" class="primary" data-testid="import-run"
            disabled=move || { count() == 0 || unconfirmed() > 0 } on:click=on_import>
            {move || fill(app.t().import_run, &[&count()])}
        </button>
        <Show when=move || { unconfirmed() > 0 }>
            <p class="hint guess-hint" data-testid="import-guesses-pending">
                {move || fill(app.t().import_guesses_pending, &[&unconfirmed()])}
            </p>
        </Show>
    }
}

#[component]
fn Review(
    file_name: RwSignal<String>,
    sheet: RwSignal<Option<Arc<SheetFile>>>,
    mapping: RwSignal<Vec<Target>>,
    guessed: RwSignal<Vec<bool>>,
    result: RwSignal<Option<Arc<CheckResult>>>,
    progress: RwSignal<Option<(usize, usize)>>,
    policy: RwSignal<DuplicatePolicy>,
    read: impl Fn(String, usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let source = move || {
        let file = sheet.get()?;
        let t = app.t();
        let choice = if file.kind == "csv" {
            let used = file.encoding.clone().unwrap_or_default();
            let detected = file.detected.clone().unwrap_or_default();
            view! {
                <label class="field inline">
                    <span>{t.import_encoding}</span>
                    <select data-testid="import-encoding"
                        on:change=move |ev| read(event_target_value(&ev), 0)>
                        {ENCODINGS.iter().map(|e| {
                            let label = if *e == detected {
                                format!("{} {}", encoding_label(e), t.import_detected)
                            } else {
                                encoding_label(e).to_owned()
                            };
                            view! { <option value=*e selected=*e == used>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
            .into_any()
        } else if file.sheets.len() > 1 {
            let current = file.sheet;
            view! {
                <label class="field inline">
                    <span>{t.import_sheet}</span>
                    <select data-testid="import-sheet"
                        on:change=move |ev| read(String::new(), event_target_value(&ev).parse().unwrap_or(0))>
                        {file.sheets.iter().enumerate().map(|(i, name)| view! {
                            <option value=i.to_string() selected=i == current>{name.clone()}</option>
                        }).collect_view()}
                    </select>
                </label>
            }
            .into_any()
        } else {
            ().into_any()
        };
        Some(view! {
            <div class="import-source">
                <p>{fill(t.import_file, &[&file_name.get()])}</p>
                {choice}
            </div>
        })
    };

    view! {
        {source}
        <h2>{tr(|t| t.import_columns)}</h2>
        <p class="hint">{tr(|t| t.import_columns_hint)}</p>
        <MappingTable sheet=sheet mapping=mapping guessed=guessed/>
        <div role="alert" data-testid="import-mapping-problems">
            {move || {
                let t = app.t();
                let language = app.language.get();
                mapping_problems(&mapping.get()).into_iter().map(|problem| {
                    let text = match problem {
                        MappingProblem::NoNameColumn => t.import_no_name_column.to_owned(),
                        MappingProblem::TargetTwice(target) => fill(
                            t.import_target_twice,
                            &[&app.workspace.with(|ws| target.describe(t, &ws.model, language))],
                        ),
                    };
                    view! { <p class="form-error">{text}</p> }
                }).collect_view()
            }}
        </div>
        {move || progress.get().map(|(done, total)| view! {
            <div class="import-progress" role="status" data-testid="import-checking">
                <p>{fill(app.t().import_checking, &[&done, &total])}</p>
                <progress max=total.to_string() value=done.to_string()></progress>
            </div>
        })}
        {move || result.get().map(|checked| view! { <CheckSummary checked=checked sheet=sheet policy=policy/> })}
        {move || sheet.with(|s| s.as_ref().is_some_and(|s| s.rows.len() < 2)).then(|| view! {
            <p class="form-error" role="alert">{tr(|t| t.import_no_rows)}</p>
        })}
    }
}

#[component]
fn MappingTable(
    sheet: RwSignal<Option<Arc<SheetFile>>>,
    mapping: RwSignal<Vec<Target>>,
    guessed: RwSignal<Vec<bool>>,
) -> impl IntoView {
    let app = use_app();
    let settle = move |column: usize| {
        guessed.update(|g| {
            if let Some(mark) = g.get_mut(column) {
                *mark = false;
            }
        })
    };
    move || {
        let file = sheet.get()?;
        let header = file.rows.first().cloned().unwrap_or_default();
        let columns = header.cells.len().max(
            file.rows
                .iter()
                .take(50)
                .map(|r| r.cells.len())
                .max()
                .unwrap_or(0),
        );
        let rows = view! {
            {(0..columns).map(|column| {
                let name = header.cells.get(column).cloned().unwrap_or_default();
                let examples: Vec<String> = file.rows.iter().skip(1)
                    .filter_map(|r| r.cells.get(column).filter(|c| !c.trim().is_empty()).cloned())
                    .take(EXAMPLES)
                    .collect();
                let aria = name.clone();
                let current = move || mapping.with(|m| m.get(column).copied().unwrap_or(Target::Ignore));
                let options = move || {
                    let t = app.t();
                    let language = app.language.get();
                    let mut options = vec![Target::Ignore];
                    options.extend(Field::ALL.iter().map(|f| Target::Field(*f)));
                    options.extend([Target::OverallOwner, Target::DailyOwner]);
                    app.workspace.with(|ws| {
                        options.extend(Axis::ALL.iter().flat_map(|axis| ws.model.criteria_on(*axis)).map(|c| Target::Score(c.id)));
                        options.into_iter().map(|target| {
                            let label = target.describe(t, &ws.model, language);
                            view! {
                                <option value=target_value(target) selected=move || current() == target>{label}</option>
                            }
                        }).collect_view()
                    })
                };
                let is_guess = move || guessed.with(|g| g.get(column).copied().unwrap_or(false));
                view! {
                    <tr class=move || if is_guess() { "guessed" } else { "" }>
                        <th scope="row">{name}</th>
                        <td class="examples">{examples.join(" · ")}</td>
                        <td>
                            <select data-testid="import-target" aria-label=aria
                                on:change=move |ev| {
                                    settle(column);
                                    let target = target_from_value(&event_target_value(&ev));
                                    mapping.update(|m| {
                                        if m.len() <= column {
                                            m.resize(column + 1, Target::Ignore);
                                        }
                                        m[column] = target;
                                    });
                                }>
                                {options}
                            </select>
                            <Show when=is_guess>
                                <span class="guess-mark" data-testid="import-guess">
                                    {tr(|t| t.import_guess)}
                                    <button type="button" data-testid="import-guess-confirm"
                                        on:click=move |_| settle(column)>
                                        {tr(|t| t.import_guess_confirm)}
                                    </button>
                                </span>
                            </Show>
                        </td>
                    </tr>
                }
            }).collect_view()}
        };
        Some(view! {
            <div class="table-wrap">
                <table class="data-table mapping-table" data-testid="import-mapping">
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.import_column_in_file)}</th>
                            <th scope="col">{tr(|t| t.import_examples)}</th>
                            <th scope="col">{tr(|t| t.import_as)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    }
}

#[component]
fn CheckSummary(
    checked: Arc<CheckResult>,
    sheet: RwSignal<Option<Arc<SheetFile>>>,
    policy: RwSignal<DuplicatePolicy>,
) -> impl IntoView {
    let app = use_app();
    let shown = RwSignal::new(PAGE_SIZE);
    let bad_total = checked.bad.len();
    let ready_total = checked.ready.len();
    let duplicates = checked.duplicates;
    let for_list = checked.clone();
    let problems = move || {
        let t = app.t();
        let language = app.language.get();
        app.workspace.with(|ws| {
            for_list
                .bad
                .iter()
                .take(shown.get())
                .map(|row| {
                    let text = row
                        .problems
                        .iter()
                        .map(|p| p.describe(t, &ws.model, language))
                        .collect::<Vec<_>>()
                        .join(t.import_problem_separator);
                    view! { <li>{fill(t.import_problem_row, &[&row.row, &text])}</li> }
                })
                .collect_view()
        })
    };
    let for_download = checked.clone();
    let download = move |_| {
        let checked = for_download.clone();
        spawn_local(async move {
            let language: Language = app.language.get_untracked();
            let t = strings(language);
            let Some(file) = sheet.try_get_untracked().flatten() else {
                return;
            };
            let header = file.rows.first().cloned().unwrap_or_default();
            let rows: Vec<_> = file.rows.iter().skip(1).collect();
            let table = app.workspace.with_untracked(|ws| {
                problem_table(&header, &rows, &checked.bad, t, &ws.model, language)
            });
            if let Err(reason) = download_csv(table, t.import_problems_file).await {
                app.notify(Notice::Error(fill(t.export_failed, &[&reason])));
            }
        });
    };
    let choice =
        move |value: DuplicatePolicy, label: fn(&Strings) -> &'static str, key: &'static str| {
            view! {
                <label class="radio">
                    <input type="radio" name="duplicates" data-testid=key
                        prop:checked=move || policy.get() == value
                        on:change=move |_| policy.set(value)/>
                    <span>{tr(label)}</span>
                </label>
            }
        };
    view! {
        <div class="import-summary" data-testid="import-summary">
            <p role="status">{move || fill(app.t().import_check_result, &[&ready_total, &bad_total])}</p>
            {(duplicates > 0).then(|| view! {
                <fieldset class="duplicates" data-testid="import-duplicates">
                    <legend>{move || fill(app.t().import_duplicates, &[&duplicates])}</legend>
                    <p>{tr(|t| t.import_duplicates_legend)}</p>
                    {choice(DuplicatePolicy::Skip, |t| t.import_duplicates_skip, "duplicates-skip")}
                    {choice(DuplicatePolicy::Update, |t| t.import_duplicates_update, "duplicates-update")}
                    {choice(DuplicatePolicy::AddNew, |t| t.import_duplicates_add, "duplicates-add")}
                </fieldset>
            })}
            {(bad_total > 0).then(|| view! {
                <h2>{tr(|t| t.import_problem_rows)}</h2>
                <ul class="problem-rows" data-testid="import-problems">{problems}</ul>
                <ShowMore shown=shown total=Signal::derive(move || bad_total)/>
                <button type="button" on:click=download data-testid="import-problems-download">
                    {tr(|t| t.import_problems_download)}
                </button>
            })}
        </div>
    }
}
