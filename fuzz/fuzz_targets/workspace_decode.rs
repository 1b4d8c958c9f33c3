//! The workspace decoder on arbitrary text, as a workspace file or localStorage holds it
//! (plain JSON, or the packed form `kam-lz4-1:…`).
//!
//! Checks: nothing panics; a workspace that decodes encodes, and that text decodes to an
//! equal workspace and encodes to the same text (saving unchanged data writes the same
//! string); it packs and unpacks to the same text; each account's plan that reads writes
//! back to an equal plan, and so does each engagement record, the engagement settings
//! and the inquiry log; the steps the app takes after loading (tier guidance read, an
//! invalid model set aside as a draft, the ranking) and the engagement rules (cadence,
//! stuck stages, inquiry deadlines, the month's summary) do not panic.
#![no_main]

use chrono::NaiveDate;
use kam::domain::engagement::activity::last_contact;
use kam::domain::engagement::cadence::cadence_state;
use kam::domain::engagement::inquiry::month_summary;
use kam::domain::engagement::pipeline::StuckLimits;
use kam::domain::engagement::{EngagementDoc, InquiryDoc, SettingsDoc};
use kam::domain::plan::PlanDoc;
use kam::domain::ranking::rank_accounts;
use kam::domain::{Tier, Workspace};
use kam::storage::envelope::{decode, encode_for_file, encode_for_storage};
use kam::storage::packed::{pack, unpack};
use libfuzzer_sys::fuzz_target;

fn check(ws: &Workspace) {
    let text = encode_for_storage(ws).expect("a decoded workspace encodes");
    let again = decode(&text).expect("an encoded workspace decodes");
    assert_eq!(&again, ws, "the workspace changed through encoding");
    assert_eq!(
        encode_for_storage(&again).expect("encodes"),
        text,
        "unchanged data encoded differently"
    );
    let file = encode_for_file(ws, "2026-12-02T08:00:00Z").expect("encodes as a file");
    assert_eq!(
        decode(&file).as_ref(),
        Ok(ws),
        "the file form changed the workspace"
    );
    let packed = pack(&text);
    assert_eq!(
        unpack(&packed).as_deref(),
        Ok(text.as_str()),
        "packing changed the text"
    );

    let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("a date");
    for account in &ws.accounts {
        let Some(doc) = &account.plan else { continue };
        let Ok(plan) = doc.read() else { continue };
        let _ = plan.completeness();
        let _ = plan.facts_needing_refresh(today);
        let _ = plan.power_map_warnings(today);
        let _ = plan.position.share_of_wallet();
        match PlanDoc::write(&plan) {
            Ok(Some(written)) => assert_eq!(written.read().as_ref(), Ok(&plan)),
            Ok(None) => assert!(plan.is_empty()),
            Err(e) => panic!("a plan that read does not write: {e}"),
        }
    }

    // Engagement records, settings and inquiries: each that reads writes back equal,
    // and the rules the pages apply to them do not panic.
    let now = today.and_hms_opt(9, 0, 0).expect("a time");
    for account in &ws.accounts {
        let Some(Ok(record)) = account.engagement.as_ref().map(EngagementDoc::read) else {
            continue;
        };
        if let Ok(Some(written)) = EngagementDoc::write(&record) {
            assert_eq!(written.read().as_ref(), Ok(&record));
        }
        let last = last_contact(&record.activities).map(|at| at.date());
        let _ = cadence_state(
            record.contacts_per_year.unwrap_or(12),
            last,
            record.since,
            today,
        );
        let _ = StuckLimits::default().is_stuck(&record.pipeline, today);
        let _ = record.pipeline.days_in_stage(today);
    }
    if let Some(Ok(settings)) = ws.engagement.as_ref().map(SettingsDoc::read) {
        if let Ok(Some(written)) = SettingsDoc::write(&settings) {
            assert_eq!(written.read().as_ref(), Ok(&settings));
        }
    }
    if let Some(Ok(log)) = ws.inquiries.as_ref().map(InquiryDoc::read) {
        for inquiry in &log.inquiries {
            let _ = inquiry.overall(now);
            let _ = inquiry.problems();
        }
        let _ = month_summary(&log.inquiries, today, now);
    }

    // What the app does with a workspace it loaded.
    let mut loaded = ws.clone();
    for tier in Tier::ALL {
        let _ = loaded.tiers.guidance(tier);
    }
    loaded.keep_invalid_model_as_draft();
    let rows = rank_accounts(&loaded.accounts, &loaded.model, &loaded.tiers);
    assert_eq!(rows.len(), loaded.accounts.len());
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(ws) = decode(&text) {
        check(&ws);
    }
    // The stored form: unpacked first, as the app reads localStorage.
    if let Ok(json) = unpack(&text) {
        if let Ok(ws) = decode(&json) {
            check(&ws);
        }
    }
});
