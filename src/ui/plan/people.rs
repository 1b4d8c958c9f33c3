//! The decision-making unit, or power map, of the plan: its warnings, the org chart drawn
//! with HTML and CSS (nested lists, so the browser lays it out, prints it and escapes
//! every name), the people table and the people editor. [`OrgChart`] and [`PeopleTable`]
//! are read-only and take the plan as a signal, so the print layout shows the same
//! pictures. The rules (warnings, no reporting loops, who is key) are in
//! `crate::domain::plan::people`.

use leptos::prelude::*;

use crate::domain::plan::people::{can_report_to, org_chart, OrgNode};
use crate::domain::plan::{AccountPlan, Attitude, Person, PersonId, PowerMapWarning};
use crate::i18n::{fill, Strings};
use crate::ui::state::use_app;
use crate::ui::widgets::tr;

use super::{
    choice_select, date_field, item_lens, label, text_field, today, Getter, PlanCtx, Setter,
};

/// A person as the user knows them: the name, or "(unnamed)" while there is none.
fn person_name(t: &Strings, person: &Person) -> String {
    let name = person.name.trim();
    if name.is_empty() {
        t.person_unnamed.to_owned()
    } else {
        name.to_owned()
    }
}

/// The name of the person with `id`, for texts that point at them.
fn name_of(t: &Strings, people: &[Person], id: PersonId) -> String {
    people
        .iter()
        .find(|p| p.id == id)
        .map(|p| person_name(t, p))
        .unwrap_or_default()
}

/// The attitude as a mark that reads without colour and in grey print: a scale from
/// "−−" (hostile) through "○" (neutral) to "++" (champion); "?" when unknown.
fn attitude_mark(attitude: Option<Attitude>) -> &'static str {
    match attitude {
        Some(Attitude::Hostile) => "−−",
        Some(Attitude::Sceptical) => "−",
        Some(Attitude::Neutral) => "○",
        Some(Attitude::Supportive) => "+",
        Some(Attitude::Champion) => "++",
        None => "?",
    }
}

/// The attitude as a badge: its colour, its mark and its name.
fn attitude_badge(t: &Strings, attitude: Option<Attitude>) -> impl IntoView {
    let slug = attitude.map_or("unknown", Attitude::slug);
    let text = attitude.map_or(t.attitude_none, |a| t.attitude(a));
    view! {
        <span class=format!("attitude-badge attitude-{slug}") data-attitude=slug>
            <span class="attitude-mark" aria-hidden="true">{attitude_mark(attitude)}</span>
            " " {text}
        </span>
    }
}

/// The star of a key person, spelled out for screen readers (the legend explains it).
fn key_mark(t: &Strings) -> impl IntoView {
    view! {
        <span class="key-mark" title=t.person_key>
            <span aria-hidden="true">"★"</span>
            <span class="visually-hidden">{t.person_key}</span>
        </span>
    }
}

/// One box of the org chart and, under it, the boxes of the people who report to it.
/// Recursive, hence the erased view type; `org_chart` has already broken any loop.
fn org_branch(t: &'static Strings, people: &[Person], node: &OrgNode) -> AnyView {
    let Some(person) = people.iter().find(|p| p.id == node.person) else {
        return ().into_any();
    };
    let role = person.role.map_or("none", |r| r.slug());
    let mut class = format!(
        "org-box role-{role} attitude-{}",
        person.attitude.map_or("unknown", Attitude::slug)
    );
    if person.hidden_influence {
        class.push_str(" hidden-influence");
    }
    if person.is_key() {
        class.push_str(" key-person");
    }
    let line = |text: &str, class: &'static str| {
        let text = text.trim();
        (!text.is_empty()).then(|| view! { <span class=class>{text.to_owned()}</span> })
    };
    let reports = (!node.reports.is_empty()).then(|| {
        let boxes = node
            .reports
            .iter()
            .map(|n| org_branch(t, people, n))
            .collect_view();
        view! { <ul>{boxes}</ul> }
    });
    view! {
        <li>
            <div class=class data-person=person.id.to_string() data-role=role>
                <span class="org-box-head">
                    <span class=format!("role-badge role-{role}")>
                        {person.role.map_or(t.role_none, |r| t.buying_role(r))}
                    </span>
                    {person.is_key().then(|| key_mark(t))}
                </span>
                <strong class="org-name">{person_name(t, person)}</strong>
                {line(&person.title, "org-title")}
                {line(&person.department, "org-department")}
                {attitude_badge(t, person.attitude)}
                {person.hidden_influence.then(|| view! { <span class="org-hidden">{t.person_hidden}</span> })}
            </div>
            {reports}
        </li>
    }
    .into_any()
}

/// What the marks of the org chart mean.
fn legend(t: &'static Strings) -> impl IntoView {
    let attitudes = Attitude::ALL
        .iter()
        .map(|&a| Some(a))
        .chain([None])
        .map(|a| view! { <li>{attitude_badge(t, a)}</li> })
        .collect_view();
    view! {
        <div class="org-legend" data-testid="org-legend">
            <strong>{t.org_chart_legend}</strong>
            <ul>
                {attitudes}
                <li>{key_mark(t)} " " {t.person_key}</li>
                <li><span class="legend-hidden">{t.person_hidden}</span></li>
            </ul>
        </div>
    }
}

/// The org chart of the plan's people, read-only: a box per person under the one they
/// report to, with the role as a badge, the attitude by colour and by a mark, hidden
/// influence as a dashed box, key people starred, and a legend. Wide charts scroll
/// sideways on screen; printed, the chart becomes an indented tree that fits the page.
#[component]
pub fn OrgChart(
    /// The plan whose people are drawn.
    #[prop(into)]
    plan: Signal<AccountPlan>,
) -> impl IntoView {
    let app = use_app();
    move || {
        let t = app.t();
        plan.with(|p| {
            if p.people.is_empty() {
                return view! { <p class="empty-state" data-testid="org-chart-empty">{t.org_chart_empty}</p> }
                    .into_any();
            }
            let trees = org_chart(&p.people)
                .iter()
                .map(|node| org_branch(t, &p.people, node))
                .collect_view();
            view! {
                <figure class="org-chart" data-testid="org-chart">
                    // Focusable so a keyboard can scroll a chart wider than the screen.
                    <div class="org-chart-scroll" tabindex="0" role="group" aria-label=t.org_chart>
                        <ul class="org-tree">{trees}</ul>
                    </div>
                    <figcaption>{legend(t)}</figcaption>
                </figure>
            }
            .into_any()
        })
    }
}

/// The plan's people as a table, read-only: name (with title and department), reports
/// to, role, influence, attitude, relationship level, our owner, last contact and note.
/// What the warnings point at (a decision maker without owner, a key person not
/// contacted in time) is marked in its cell.
#[component]
pub fn PeopleTable(
    /// The plan whose people are listed.
    #[prop(into)]
    plan: Signal<AccountPlan>,
) -> impl IntoView {
    let app = use_app();
    move || {
        let t = app.t();
        plan.with(|p| {
            if p.people.is_empty() {
                return view! { <p class="prose">"—"</p> }.into_any();
            }
            let warnings = p.power_map_warnings(today());
            let flagged = |wanted: fn(&PowerMapWarning, PersonId) -> bool, id| {
                warnings.iter().any(|w| wanted(w, id))
            };
            let rows = p
                .people
                .iter()
                .map(|person| {
                    let id = person.id;
                    let no_owner = flagged(
                        |w, id| *w == PowerMapWarning::DecisionMakerWithoutOwner(id),
                        id,
                    );
                    let stale = flagged(
                        |w, id| matches!(w, PowerMapWarning::KeyPersonNotContacted { person, .. } if *person == id),
                        id,
                    );
                    let detail = [person.title.trim(), person.department.trim()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    let owner = match person.owner.trim() {
                        "" if no_owner => "⚠ —".to_owned(),
                        "" => "—".to_owned(),
                        owner => owner.to_owned(),
                    };
                    let contact = format!(
                        "{}{}",
                        if stale { "⚠ " } else { "" },
                        person.last_contact.map_or_else(|| "—".to_owned(), |d| t.day(d))
                    );
                    view! {
                        <tr data-person=id.to_string()>
                            <th scope="row">
                                {person.is_key().then(|| key_mark(t))}
                                " " <span class="person-name">{person_name(t, person)}</span>
                                {(!detail.is_empty()).then(|| view! { <span class="person-detail">{detail}</span> })}
                            </th>
                            <td>{person.reports_to.map_or_else(|| "—".to_owned(), |boss| name_of(t, &p.people, boss))}</td>
                            <td>{person.role.map_or(t.role_none, |r| t.buying_role(r))}</td>
                            <td>{if person.hidden_influence { t.person_hidden } else { t.person_visible }}</td>
                            <td>{attitude_badge(t, person.attitude)}</td>
                            <td>{person.relationship.map_or(t.level_none, |l| t.relationship_level(l))}</td>
                            <td class:flagged=no_owner>{owner}</td>
                            <td class:flagged=stale>{contact}</td>
                            <td class="prose">{person.note.trim().to_owned()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                // Wider than a narrow window or the print preview: it scrolls, so it
                // takes focus to be scrolled by keyboard.
                <div class="table-wrap" tabindex="0" role="region" aria-label=t.people_table>
                    <table class="data-table people-table" data-testid="people-table">
                        <thead>
                            <tr>
                                <th scope="col">{t.person_name}</th>
                                <th scope="col">{t.person_reports_to}</th>
                                <th scope="col">{t.person_role}</th>
                                <th scope="col">{t.person_influence}</th>
                                <th scope="col">{t.person_attitude}</th>
                                <th scope="col">{t.person_relationship}</th>
                                <th scope="col">{t.person_owner}</th>
                                <th scope="col">{t.person_last_contact}</th>
                                <th scope="col">{t.person_note}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    }
}

/// The power map's warnings, each naming the person. The live region is always there so
/// a screen reader hears warnings come and go as the map is filled in.
pub fn warnings(ctx: PlanCtx) -> impl IntoView {
    let items = move || {
        let t = ctx.t();
        ctx.plan.with(|p| {
            p.power_map_warnings(today())
                .into_iter()
                .map(|warning| {
                    let (kind, text) = match warning {
                        PowerMapWarning::DecisionMakerWithoutOwner(id) => (
                            "no-owner",
                            fill(t.warning_no_owner, &[&name_of(t, &p.people, id)]),
                        ),
                        PowerMapWarning::NoSupporter => {
                            ("no-supporter", t.warning_no_supporter.to_owned())
                        }
                        PowerMapWarning::KeyPersonNotContacted {
                            person,
                            last: Some(last),
                        } => (
                            "not-contacted",
                            fill(
                                t.warning_not_contacted,
                                &[&name_of(t, &p.people, person), &t.day(last)],
                            ),
                        ),
                        PowerMapWarning::KeyPersonNotContacted { person, last: None } => (
                            "never-contacted",
                            fill(t.warning_never_contacted, &[&name_of(t, &p.people, person)]),
                        ),
                    };
                    view! { <li data-warning=kind>"⚠ " {text}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="power-warnings" role="status" data-testid="power-warnings">
            <ul>{items}</ul>
        </div>
    }
}

/// The "reports to" select: the other people of the map. A choice that would make a
/// reporting loop is refused (the select goes back to what is stored) and explained.
fn reports_to_select(ctx: PlanCtx, id: PersonId) -> impl IntoView {
    let current = move || {
        ctx.plan.with(|p| {
            p.people
                .iter()
                .find(|x| x.id == id)
                .and_then(|x| x.reports_to)
        })
    };
    // Only names and titles redraw the options, not every keystroke in the plan.
    let others = Memo::new(move |_| {
        let t = ctx.t();
        ctx.plan.with(|p| {
            p.people
                .iter()
                .filter(|x| x.id != id)
                .map(|x| {
                    let name = person_name(t, x);
                    match x.title.trim() {
                        "" => (x.id, name),
                        title => (x.id, format!("{name} — {title}")),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let refused = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let boss = event_target_value(&ev).parse::<PersonId>().ok();
        let allowed = boss.is_none_or(|boss| ctx.plan.with(|p| can_report_to(&p.people, id, boss)));
        refused.set(!allowed);
        if allowed {
            ctx.edit(|p| {
                if let Some(person) = p.people.iter_mut().find(|x| x.id == id) {
                    person.reports_to = boss;
                }
            });
        } else {
            // Nothing changed in the plan, so nothing re-renders: put the select back.
            let stored = current().map(|b| b.to_string()).unwrap_or_default();
            event_target::<web_sys::HtmlSelectElement>(&ev).set_value(&stored);
        }
    };
    // Signals rather than closures in the view: their rendering code is shared app-wide.
    let message = Signal::derive(move || {
        if refused.get() {
            ctx.t().reports_to_loop.to_owned()
        } else {
            String::new()
        }
    });
    view! {
        <label class="field">
            <span>{tr(|t| t.person_reports_to)}</span>
            <select data-field=format!("people.{id}.reports_to") on:change=on_change>
                <option value="" selected=Signal::derive(move || current().is_none())>
                    {tr(|t| t.person_reports_to_none)}
                </option>
                {move || others.get().into_iter().map(|(other, name)| view! {
                    <option value=other.to_string() selected=Signal::derive(move || current() == Some(other))>
                        {name}
                    </option>
                }).collect_view()}
            </select>
            // Always there, so a screen reader announces the message when it appears.
            <span class="field-error" role="alert" data-testid="reports-to-loop">{message}</span>
        </label>
    }
}

/// A checkbox on one person. `fixed` says when the box is decided by a rule instead
/// (then it shows checked and cannot be changed).
fn person_check(
    ctx: PlanCtx,
    id: PersonId,
    caption: fn(&Strings) -> &'static str,
    key: &'static str,
    read: fn(&Person) -> bool,
    write: fn(&mut Person, bool),
    fixed: fn(&Person) -> bool,
) -> impl IntoView {
    let test = move |rule: fn(&Person) -> bool| {
        Signal::derive(move || {
            ctx.plan
                .with(|p| p.people.iter().any(|x| x.id == id && rule(x)))
        })
    };
    view! {
        <label class="check">
            <input type="checkbox" data-field=format!("people.{id}.{key}")
                prop:checked=test(read)
                disabled=test(fixed)
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    ctx.edit(|p| {
                        if let Some(person) = p.people.iter_mut().find(|x| x.id == id) {
                            write(person, checked);
                        }
                    });
                }/>
            <span>{tr(caption)}</span>
        </label>
    }
}

/// The editor of one person, as a card.
fn person_card(ctx: PlanCtx, id: PersonId) -> impl IntoView {
    let text = |caption: fn(&Strings) -> &'static str,
                key: &str,
                lens: (Getter<String>, Setter<String>),
                multiline: bool| {
        let (get, put) = lens;
        text_field(
            ctx,
            label(caption),
            format!("people.{id}.{key}"),
            get,
            put,
            multiline,
        )
    };
    let heading = Signal::derive(move || {
        let t = ctx.t();
        ctx.plan.with(|p| name_of(t, &p.people, id))
    });
    let always_key = Signal::derive(move || {
        let t = ctx.t();
        let always = ctx
            .plan
            .with(|p| p.people.iter().any(|x| x.id == id && x.always_key()));
        if always {
            t.person_key_always.to_owned()
        } else {
            String::new()
        }
    });
    let (role_get, role_put) = item_lens!(people, id, role);
    let (attitude_get, attitude_put) = item_lens!(people, id, attitude);
    let (level_get, level_put) = item_lens!(people, id, relationship);
    let (contact_get, contact_put) = item_lens!(people, id, last_contact);
    view! {
        <article class="item-card person-card" data-person=id.to_string()>
            <h4>{heading}</h4>
            <div class="form-grid">
                {text(|t| t.person_name, "name", item_lens!(people, id, name), false)}
                {text(|t| t.person_title, "title", item_lens!(people, id, title), false)}
                {text(|t| t.person_department, "department", item_lens!(people, id, department), false)}
                {reports_to_select(ctx, id)}
                {choice_select(ctx, label(|t| t.person_role), format!("people.{id}.role"), |t| t.role_none, role_get, role_put)}
                {choice_select(ctx, label(|t| t.person_attitude), format!("people.{id}.attitude"), |t| t.attitude_none, attitude_get, attitude_put)}
                {choice_select(ctx, label(|t| t.person_relationship), format!("people.{id}.relationship"), |t| t.level_none, level_get, level_put)}
                {text(|t| t.person_owner, "owner", item_lens!(people, id, owner), false)}
                {date_field(ctx, label(|t| t.person_last_contact), format!("people.{id}.last_contact"), contact_get, contact_put)}
            </div>
            <div class="person-checks">
                {person_check(ctx, id, |t| t.person_hidden, "hidden_influence",
                    |p| p.hidden_influence, |p, v| p.hidden_influence = v, |_| false)}
                {person_check(ctx, id, |t| t.person_key, "key",
                    Person::is_key, |p, v| p.key = v, Person::always_key)}
                <span class="hint">{always_key}</span>
            </div>
            {text(|t| t.person_note, "note", item_lens!(people, id, note), true)}
            <button type="button" class="link-button" data-testid="remove-person"
                aria-label=Signal::derive(move || format!("{} — {}", ctx.t().plan_remove, heading.get()))
                on:click=move |_| ctx.remove(crate::domain::plan::PlanItem::Person(id))>
                {tr(|t| t.plan_remove)}
            </button>
        </article>
    }
}

/// The power-map section: warnings first, then the org chart, the table, and the editor.
#[component]
pub fn PowerMapSection(ctx: PlanCtx) -> impl IntoView {
    let ids = move || {
        ctx.plan
            .with(|p| p.people.iter().map(|x| x.id).collect::<Vec<_>>())
    };
    let add = move |_| {
        ctx.edit(|p| {
            let id = p.take_id();
            p.people.push(Person {
                id,
                ..Person::default()
            });
        })
    };
    view! {
        <p class="hint">{tr(|t| t.people_hint)}</p>
        {warnings(ctx)}
        <h3>{tr(|t| t.org_chart)}</h3>
        <OrgChart plan=ctx.plan/>
        <h3>{tr(|t| t.people_table)}</h3>
        <PeopleTable plan=ctx.plan/>
        // On paper the chart and the table say it all; the editor stays on screen.
        <h3 class="screen-only">{tr(|t| t.people_edit)}</h3>
        <div class="item-cards person-cards screen-only" data-testid="people">
            <For each=ids key=|id| *id children=move |id| person_card(ctx, id)/>
        </div>
        <button type="button" class="screen-only" on:click=add data-testid="add-person">{tr(|t| t.people_add)}</button>
    }
}
