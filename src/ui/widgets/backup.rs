//! "Back up everything", "restore" and "delete all my data", on the home page.

use super::{ConfirmButton, ErrorBox, FilePicker};
use crate::kernel::i18n::Msg;
use crate::kernel::problem::{human_size, Problem};
use crate::store::MAX_BACKUP_FILE;
use crate::ui::browser::PickedFile;
use crate::ui::state::use_state;
use leptos::prelude::*;

#[component]
pub fn BackupTools() -> impl IntoView {
    let state = use_state();
    let report = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let on_restore = Callback::new(move |files: Vec<Result<PickedFile, Problem>>| {
        let lang = state.lang.get_untracked();
        let mut found = Vec::new();
        for file in files {
            match file.and_then(|f| state.restore_backup(&f)) {
                Err(p) => found.push(p),
                Ok(done) => {
                    let plan = &done.plan;
                    found.extend(plan.rejected.iter().cloned());
                    report.set(Some(lang.fmt(
                        Msg::BackupRestored,
                        &[
                            ("file", &done.file),
                            ("added", &plan.add.len()),
                            ("same", &plan.unchanged),
                            ("copied", &done.copied),
                            ("kept", &(plan.conflicts.len() - done.copied)),
                            ("rejected", &plan.rejected.len()),
                        ],
                    )));
                }
            }
        }
        problems.set(found);
    });
    let wipe = Callback::new(move |()| {
        state.delete_everything();
        state.notify(state.t(Msg::BackupWiped));
    });
    let usage = move || {
        let lang = state.lang.get();
        let persisted = match state.persisted.get() {
            None => "",
            Some(Some(true)) => lang.t(Msg::BackupPersistYes),
            Some(Some(false)) => lang.t(Msg::BackupPersistNo),
            Some(None) => lang.t(Msg::BackupPersistUnknown),
        };
        format!("{} {}", lang.fmt(Msg::BackupUsed, &[("size", &human_size(state.used_bytes(), lang))]), persisted)
    };
    view! {
        <section aria-labelledby="data-title" class="data-tools">
            <h2 id="data-title">{move || state.t(Msg::BackupTitle)}</h2>
            <p class="muted">{move || state.t(Msg::BackupIntro)}</p>
            <p class="muted" data-testid="persistence">{usage}</p>
            <div class="toolbar">
                <button type="button" on:click=move |_| state.export_everything()>{move || state.t(Msg::BackupExport)}</button>
                <FilePicker id="restore-backup" label=Signal::derive(move || state.t(Msg::BackupRestore).to_owned())
                    accept=".json,application/json" limit=MAX_BACKUP_FILE on_files=on_restore/>
                <ConfirmButton class="danger" label=Signal::derive(move || state.t(Msg::BackupWipe).to_owned())
                    question=Signal::derive(move || state.t(Msg::BackupWipeConfirm).to_owned()) on_confirm=wipe/>
            </div>
            {move || report.get().map(|r| view! { <p class="ok" role="status">{r}</p> })}
            <ErrorBox problems=problems.into()/>
        </section>
    }
}
