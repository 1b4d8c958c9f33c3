//! The decision-making unit, or power map (KAM-SPEC §4.3, §5): the customer's people with
//! title, department and whom they report to (an org chart), their role in buying, whether
//! their influence is visible or hidden, their attitude to us, the relationship level, the
//! person on our side who owns them (the "zipper") and the last contact. Owns the org
//! chart's structure (no cycles) and the power map's warnings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::account::slugs;

pub type PersonId = u32;

/// Days after which a key person without contact is flagged.
pub const CONTACT_DAYS: i64 = 90;

/// A person's part in the buying decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuyingRole {
    DecisionMaker,
    /// Influencers: the users of what we sell…
    User,
    /// …advisers (technical, financial, external)…
    Adviser,
    /// …gatekeepers, who control access and information…
    Gatekeeper,
    /// …and outsiders, whose opinion counts without a formal part.
    Outsider,
    /// Supporter or champion: sells for us inside the customer.
    Champion,
    Blocker,
}

impl BuyingRole {
    pub const ALL: [BuyingRole; 7] = [
        BuyingRole::DecisionMaker,
        BuyingRole::User,
        BuyingRole::Adviser,
        BuyingRole::Gatekeeper,
        BuyingRole::Outsider,
        BuyingRole::Champion,
        BuyingRole::Blocker,
    ];

    pub fn is_influencer(self) -> bool {
        matches!(
            self,
            BuyingRole::User | BuyingRole::Adviser | BuyingRole::Gatekeeper | BuyingRole::Outsider
        )
    }
}

slugs!(BuyingRole {
    DecisionMaker => "decision_maker",
    User => "user",
    Adviser => "adviser",
    Gatekeeper => "gatekeeper",
    Outsider => "outsider",
    Champion => "champion",
    Blocker => "blocker",
});

/// Attitude to us, in five steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attitude {
    Hostile,
    Sceptical,
    Neutral,
    Supportive,
    Champion,
}

impl Attitude {
    pub const ALL: [Attitude; 5] = [
        Attitude::Hostile,
        Attitude::Sceptical,
        Attitude::Neutral,
        Attitude::Supportive,
        Attitude::Champion,
    ];
}

slugs!(Attitude {
    Hostile => "hostile",
    Sceptical => "sceptical",
    Neutral => "neutral",
    Supportive => "supportive",
    Champion => "champion",
});

/// The relationship level with a person or the account (KAM-SPEC §5: four stages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipLevel {
    Initial,
    Ordinary,
    Strategic,
    Partner,
}

impl RelationshipLevel {
    pub const ALL: [RelationshipLevel; 4] = [
        RelationshipLevel::Initial,
        RelationshipLevel::Ordinary,
        RelationshipLevel::Strategic,
        RelationshipLevel::Partner,
    ];
}

slugs!(RelationshipLevel {
    Initial => "initial",
    Ordinary => "ordinary",
    Strategic => "strategic",
    Partner => "partner",
});

/// One person of the customer's decision-making unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub id: PersonId,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub department: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<PersonId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<BuyingRole>,
    /// Influence that does not show on the org chart (a founder's spouse, an adviser the
    /// decision maker always listens to).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden_influence: bool,
    /// A key person: decision makers always are; others when the user says so.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub key: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attitude: Option<Attitude>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<RelationshipLevel>,
    /// Who on our side owns the relationship with this person.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_contact: Option<NaiveDate>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Person {
    pub fn is_key(&self) -> bool {
        self.key || self.always_key()
    }

    /// Key whatever the user says: a decision maker. The editor shows the key flag as
    /// fixed for them rather than offering a choice that would change nothing.
    pub fn always_key(&self) -> bool {
        self.role == Some(BuyingRole::DecisionMaker)
    }

    /// On our side: a champion by role, or supportive or champion by attitude.
    pub fn supports_us(&self) -> bool {
        self.role == Some(BuyingRole::Champion)
            || matches!(
                self.attitude,
                Some(Attitude::Supportive | Attitude::Champion)
            )
    }
}

/// Something the power map says needs attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PowerMapWarning {
    /// A decision maker nobody on our side owns.
    DecisionMakerWithoutOwner(PersonId),
    /// Nobody supports us.
    NoSupporter,
    /// A key person not contacted for [`CONTACT_DAYS`] days (or never).
    KeyPersonNotContacted {
        person: PersonId,
        last: Option<NaiveDate>,
    },
}

/// The warnings of a power map, in the order of the people. An empty map has none (its
/// emptiness shows as an incomplete section instead).
pub fn power_map_warnings(people: &[Person], today: NaiveDate) -> Vec<PowerMapWarning> {
    let mut warnings = Vec::new();
    if people.is_empty() {
        return warnings;
    }
    for person in people {
        if person.role == Some(BuyingRole::DecisionMaker) && person.owner.trim().is_empty() {
            warnings.push(PowerMapWarning::DecisionMakerWithoutOwner(person.id));
        }
    }
    if !people.iter().any(Person::supports_us) {
        warnings.push(PowerMapWarning::NoSupporter);
    }
    for person in people.iter().filter(|p| p.is_key()) {
        let stale = match person.last_contact {
            None => true,
            Some(date) => (today - date).num_days() > CONTACT_DAYS,
        };
        if stale {
            warnings.push(PowerMapWarning::KeyPersonNotContacted {
                person: person.id,
                last: person.last_contact,
            });
        }
    }
    warnings
}

/// Whether `person` may report to `boss` without making the chart a loop (nobody reports
/// to themselves or to anyone below them).
pub fn can_report_to(people: &[Person], person: PersonId, boss: PersonId) -> bool {
    let mut current = Some(boss);
    let mut steps = 0;
    while let Some(id) = current {
        if id == person || steps > people.len() {
            return false;
        }
        current = people
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.reports_to);
        steps += 1;
    }
    true
}

/// One box of the org chart and the boxes under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgNode {
    pub person: PersonId,
    pub reports: Vec<OrgNode>,
}

/// The org chart as trees: people who report to nobody in the map (or to someone no
/// longer there) are roots; the people's order is kept among siblings. Loops in
/// hand-edited data are broken rather than followed.
pub fn org_chart(people: &[Person]) -> Vec<OrgNode> {
    let known = |id: PersonId| people.iter().any(|p| p.id == id);
    let mut placed = Vec::new();
    let roots: Vec<PersonId> = people
        .iter()
        .filter(|p| p.reports_to.is_none_or(|boss| !known(boss) || boss == p.id))
        .map(|p| p.id)
        .collect();
    let mut chart: Vec<OrgNode> = roots
        .into_iter()
        .map(|id| node(people, id, &mut placed))
        .collect();
    // Anyone left is in a loop: show them at the top so nobody disappears.
    for person in people {
        if !placed.contains(&person.id) {
            chart.push(node(people, person.id, &mut placed));
        }
    }
    chart
}

fn node(people: &[Person], id: PersonId, placed: &mut Vec<PersonId>) -> OrgNode {
    placed.push(id);
    let reports = people
        .iter()
        .filter(|p| p.reports_to == Some(id) && p.id != id)
        .map(|p| p.id)
        .collect::<Vec<_>>()
        .into_iter()
        .filter_map(|child| {
            if placed.contains(&child) {
                None
            } else {
                Some(node(people, child, placed))
            }
        })
        .collect();
    OrgNode {
        person: id,
        reports,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn a_logged_contact_moves_each_participants_last_contact_forward_only() {
        let mut plan = crate::domain::plan::AccountPlan::default();
        for (id, last) in [
            (1, Some(day(2026, 5, 1))),
            (2, Some(day(2026, 9, 1))),
            (3, None),
        ] {
            plan.people.push(Person {
                id,
                name: format!("P{id}"),
                last_contact: last,
                ..Person::default()
            });
        }
        assert!(plan.note_contact(&[1, 2, 3, 99], day(2026, 6, 15)));
        let lasts: Vec<_> = plan.people.iter().map(|p| p.last_contact).collect();
        assert_eq!(
            lasts,
            vec![
                Some(day(2026, 6, 15)),
                Some(day(2026, 9, 1)),
                Some(day(2026, 6, 15))
            ]
        );
        assert!(
            !plan.note_contact(&[2], day(2026, 8, 1)),
            "an older contact changes nothing"
        );
    }

    fn person(id: PersonId, role: Option<BuyingRole>) -> Person {
        Person {
            id,
            name: format!("P{id}"),
            role,
            owner: "Li".into(),
            last_contact: Some(day(2026, 11, 1)),
            attitude: Some(Attitude::Neutral),
            ..Person::default()
        }
    }

    #[test]
    fn decision_makers_are_always_key_people() {
        let mut boss = person(1, Some(BuyingRole::DecisionMaker));
        assert!(boss.always_key() && boss.is_key());
        boss.key = true;
        assert!(boss.is_key());
        let mut adviser = person(2, Some(BuyingRole::Adviser));
        assert!(!adviser.always_key() && !adviser.is_key());
        adviser.key = true;
        assert!(!adviser.always_key() && adviser.is_key());
        assert!(!person(3, None).always_key());
    }

    #[test]
    fn a_decision_maker_without_an_owner_is_flagged() {
        let today = day(2026, 11, 22);
        let mut boss = person(1, Some(BuyingRole::DecisionMaker));
        boss.owner = "  ".into();
        let mut fan = person(2, Some(BuyingRole::Champion));
        fan.owner.clear();
        let warnings = power_map_warnings(&[boss, fan], today);
        assert_eq!(
            warnings,
            vec![PowerMapWarning::DecisionMakerWithoutOwner(1)]
        );
    }

    #[test]
    fn a_power_map_without_any_supporter_is_flagged() {
        let today = day(2026, 11, 22);
        let people = [
            person(1, Some(BuyingRole::DecisionMaker)),
            person(2, Some(BuyingRole::User)),
        ];
        assert_eq!(
            power_map_warnings(&people, today),
            vec![PowerMapWarning::NoSupporter]
        );
        let mut supportive = person(3, Some(BuyingRole::Adviser));
        supportive.attitude = Some(Attitude::Supportive);
        let with_supporter = [people[0].clone(), supportive];
        assert!(power_map_warnings(&with_supporter, today).is_empty());
        let champion_by_role = [people[0].clone(), person(4, Some(BuyingRole::Champion))];
        assert!(power_map_warnings(&champion_by_role, today).is_empty());
        assert!(power_map_warnings(&[], today).is_empty());
    }

    #[test]
    fn key_people_not_contacted_in_90_days_are_flagged() {
        let today = day(2026, 11, 22);
        let mut boss = person(1, Some(BuyingRole::DecisionMaker));
        boss.last_contact = Some(day(2026, 8, 23)); // 91 days
        let mut marked = person(2, Some(BuyingRole::Champion));
        marked.key = true;
        marked.last_contact = None;
        let mut recent = person(3, Some(BuyingRole::Gatekeeper));
        recent.key = true;
        recent.last_contact = Some(day(2026, 8, 24)); // 90 days
        let mut not_key = person(4, Some(BuyingRole::User));
        not_key.last_contact = None;
        assert_eq!(
            power_map_warnings(&[boss, marked, recent, not_key], today),
            vec![
                PowerMapWarning::KeyPersonNotContacted {
                    person: 1,
                    last: Some(day(2026, 8, 23))
                },
                PowerMapWarning::KeyPersonNotContacted {
                    person: 2,
                    last: None
                },
            ]
        );
    }

    #[test]
    fn nobody_can_report_to_themselves_or_to_someone_below_them() {
        let mut people = vec![person(1, None), person(2, None), person(3, None)];
        people[1].reports_to = Some(1);
        people[2].reports_to = Some(2);
        assert!(!can_report_to(&people, 1, 1));
        assert!(!can_report_to(&people, 1, 3));
        assert!(!can_report_to(&people, 2, 3));
        assert!(can_report_to(&people, 3, 1));
    }

    #[test]
    fn the_org_chart_follows_reports_to_and_keeps_everyone() {
        let mut people: Vec<Person> = (1..=6).map(|id| person(id, None)).collect();
        people[1].reports_to = Some(1);
        people[2].reports_to = Some(1);
        people[3].reports_to = Some(3);
        people[4].reports_to = Some(99); // a boss no longer in the map
                                         // 6 reports to itself: treated as a root.
        people[5].reports_to = Some(6);
        let chart = org_chart(&people);
        let leaf = |id| OrgNode {
            person: id,
            reports: vec![],
        };
        assert_eq!(
            chart,
            vec![
                OrgNode {
                    person: 1,
                    reports: vec![
                        leaf(2),
                        OrgNode {
                            person: 3,
                            reports: vec![leaf(4)]
                        }
                    ]
                },
                leaf(5),
                leaf(6),
            ]
        );
    }

    #[test]
    fn a_loop_in_hand_edited_data_still_shows_everyone_once() {
        let mut people: Vec<Person> = (1..=2).map(|id| person(id, None)).collect();
        people[0].reports_to = Some(2);
        people[1].reports_to = Some(1);
        let chart = org_chart(&people);
        fn count(nodes: &[OrgNode]) -> usize {
            nodes.iter().map(|n| 1 + count(&n.reports)).sum()
        }
        assert_eq!(count(&chart), 2);
    }
}
