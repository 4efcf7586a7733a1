//! "Back up everything", "restore" and "delete all my data", on the home page.

use crate::i18n::Msg;
use crate::problem::Problem;
use crate::store::{self, MAX_BACKUP_FILE};
use crate::ui::browser;
use crate::ui::components::{ConfirmButton, FilePicker, ProblemList};
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;

/// Downloads one file with every Faro record of this device.
pub fn export_everything(state: AppState) {
    let json = browser::with_storage(|s| store::backup_json(&s.snapshot(), &browser::now()));
    let name = format!("faro-backup-{}.json", browser::today());
    if browser::download(&name, "application/json", json.as_bytes()).is_ok() {
        state.notify(state.lang.get_untracked().fmt(Msg::HomeExported, &[("file", &name)]));
    }
}

#[component]
pub fn BackupTools() -> impl IntoView {
    let state = use_state();
    let report = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<Problem>::new());

    let on_restore = Callback::new(move |files: Vec<(browser::PickedFile, usize)>| {
        let lang = state.lang.get_untracked();
        let mut found = Vec::new();
        for (file, size) in files {
            if file.bytes.is_empty() && size > MAX_BACKUP_FILE {
                found.push(Problem::new(&file.name, crate::problem::ProblemKind::TooLarge { size, limit: MAX_BACKUP_FILE }));
                continue;
            }
            let existing = browser::with_storage(|s| s.snapshot());
            match store::plan_restore(&file.name, &file.bytes, &existing) {
                Err(p) => found.push(p),
                Ok(plan) => {
                    for (key, value) in &plan.add {
                        state.persist(key, value);
                    }
                    // Conflicting assessments are kept side by side as copies; other
                    // conflicting records (settings, responses) keep the device's version.
                    let mut copied = 0;
                    for (key, value) in &plan.conflicts {
                        if key.starts_with(store::ASSESSMENT_PREFIX) {
                            if let Ok(a) = store::read_assessment(value) {
                                state.save_copy(a);
                                copied += 1;
                            }
                        }
                    }
                    let kept = plan.conflicts.len() - copied;
                    found.extend(plan.rejected.iter().cloned());
                    report.set(Some(lang.fmt(
                        Msg::BackupRestored,
                        &[
                            ("file", &file.name),
                            ("added", &plan.add.len()),
                            ("same", &plan.unchanged),
                            ("copied", &copied),
                            ("kept", &kept),
                            ("rejected", &plan.rejected.len()),
                        ],
                    )));
                }
            }
        }
        state.reload_stored();
        problems.set(found);
    });

    let wipe = Callback::new(move |()| {
        state.delete_everything();
        state.notify(state.t(Msg::BackupWiped));
    });

    view! {
        <section aria-labelledby="data-title" class="data-tools">
            <h2 id="data-title">{move || state.t(Msg::BackupTitle)}</h2>
            <p class="muted">{move || state.t(Msg::BackupIntro)}</p>
            <p class="muted" data-testid="persistence">{move || {
                let used = browser::with_storage(|s| s.used_bytes());
                let _ = state.assessments.get();
                let persisted = match state.persisted.get() {
                    None => String::new(),
                    Some(Some(true)) => state.t(Msg::BackupPersistYes).to_owned(),
                    Some(Some(false)) => state.t(Msg::BackupPersistNo).to_owned(),
                    Some(None) => state.t(Msg::BackupPersistUnknown).to_owned(),
                };
                format!("{} {}", state.lang.get().fmt(Msg::BackupUsed, &[("size", &crate::problem::human_size(used))]), persisted)
            }}</p>
            <div class="toolbar">
                <button type="button" on:click=move |_| export_everything(state)>{move || state.t(Msg::BackupExport)}</button>
                <FilePicker
                    id="restore-backup"
                    label=Signal::derive(move || state.t(Msg::BackupRestore).to_owned())
                    accept=".json,application/json"
                    limit=MAX_BACKUP_FILE
                    on_files=on_restore
                />
                <ConfirmButton
                    class="danger"
                    label=Signal::derive(move || state.t(Msg::BackupWipe).to_owned())
                    question=Signal::derive(move || state.t(Msg::BackupWipeConfirm).to_owned())
                    on_confirm=wipe
                />
            </div>
            {move || report.get().map(|r| view! { <p class="ok" role="status">{r}</p> })}
            {move || {
                let p = problems.get();
                (!p.is_empty()).then(|| view! { <div class="error-box" role="alert"><ProblemList problems=p/></div> })
            }}
        </section>
    }
}
