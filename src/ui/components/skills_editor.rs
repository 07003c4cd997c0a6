//! The skills vocabulary editor: skills grouped by cluster, with add (name and cluster),
//! rename, change of cluster and remove (confirmed when people use the skill, then undoable).
//!
//! Names stay unique case-insensitively; a refused edit says why next to the field and saves
//! nothing (bad input 41).

use leptos::prelude::*;

use crate::app::session::{sentence, use_session};
use crate::core::model::SkillId;
use crate::core::program::setup::{self, SetupEdit};
use crate::ui::components::question_designer::{commit_setup, return_focus};

/// The "Skills" card.
#[component]
pub fn SkillsEditor() -> impl IntoView {
    let s = use_session();
    let name = RwSignal::new(String::new());
    let cluster = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let name_ref = NodeRef::<leptos::html::Input>::new();
    let add = move || match commit_setup(
        s,
        SetupEdit::AddSkill {
            name: name.get_untracked(),
            cluster: cluster.get_untracked(),
        },
    ) {
        Ok(_) => {
            error.set(None);
            name.set(String::new());
            // Ready for the next one; the cluster is kept (skills usually come in groups).
            if let Some(el) = name_ref.get_untracked() {
                let _ = el.focus();
            }
        }
        Err(Some(e)) => error.set(Some(sentence(&e.to_string()))),
        Err(None) => {}
    };
    let groups = move || {
        s.program.with(|p| {
            setup::skills_by_cluster(p)
                .into_iter()
                .map(|(c, _)| c)
                .collect::<Vec<_>>()
        })
    };
    let clusters = move || {
        s.program.with(|p| {
            setup::skills_by_cluster(p)
                .into_iter()
                .map(|(c, _)| c)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="mk-card mk-card--wide" aria-labelledby="skills-title">
            <h2 id="skills-title">"Skills"</h2>
            <p class="mk-hint">"The vocabulary people pick from when they say what they offer and want to learn. Clusters group related skills and give partial credit in matching."</p>
            <datalist id="skill-clusters">
                {move || clusters().into_iter().map(|c| view! { <option value=c></option> }).collect_view()}
            </datalist>
            <Show when=move || s.program.with(|p| p.skills.is_empty())>
                <p class="mk-empty-line">"No skills yet."</p>
            </Show>
            <For each=groups key=|c| c.clone() let:cluster_name>
                <SkillGroup cluster=cluster_name/>
            </For>
            <form class="mk-form mk-form--row mk-skills-add" aria-label="Add a skill"
                on:submit=move |ev| { ev.prevent_default(); add(); }>
                <div class="mk-field">
                    <label for="skill-new-name">"Skill name"</label>
                    <input id="skill-new-name" type="text" maxlength="300" node_ref=name_ref
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby="skill-new-error"
                        prop:value=move || name.get()
                        on:input=move |ev| { name.set(event_target_value(&ev)); error.set(None); }/>
                </div>
                <div class="mk-field">
                    <label for="skill-new-cluster">"Cluster"</label>
                    <input id="skill-new-cluster" type="text" maxlength="300" list="skill-clusters"
                        placeholder="e.g. Communication"
                        prop:value=move || cluster.get()
                        on:input=move |ev| cluster.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="mk-button">"Add skill"</button>
                <p id="skill-new-error" class="mk-field__error mk-field--full" role="alert">{move || error.get()}</p>
            </form>
        </section>
    }
}

/// One cluster's heading and skills.
#[component]
fn SkillGroup(cluster: String) -> impl IntoView {
    let s = use_session();
    let heading = if cluster.is_empty() {
        "No cluster".to_owned()
    } else {
        cluster.clone()
    };
    let ids = move || {
        s.program.with(|p| {
            p.skills
                .iter()
                .filter(|k| k.cluster == cluster)
                .map(|k| k.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="mk-skill-group">
            <h3 class="mk-skill-group__title">{heading}</h3>
            <ul class="mk-skill-list">
                <For each=ids key=|id| id.clone() let:id>
                    <SkillRow id=id/>
                </For>
            </ul>
        </div>
    }
}

/// What a skill row shows besides the name.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    View,
    Rename,
    ConfirmRemove(usize),
}

/// One skill: its name, cluster, and rename / remove.
#[component]
fn SkillRow(id: SkillId) -> impl IntoView {
    let s = use_session();
    let mode = RwSignal::new(Mode::View);
    let error = RwSignal::new(None::<String>);
    let cluster_error = RwSignal::new(None::<String>);
    let draft = RwSignal::new(String::new());
    let rename_ref = NodeRef::<leptos::html::Input>::new();
    let rename_button = NodeRef::<leptos::html::Button>::new();
    return_focus(rename_button, move || mode.get() != Mode::View, || false);
    let keep_ref = NodeRef::<leptos::html::Button>::new();
    // Keyboard users land in the form or question they opened.
    Effect::new(move |_| {
        if let Some(el) = rename_ref.get() {
            let _ = el.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(el) = keep_ref.get() {
            let _ = el.focus();
        }
    });
    let skill = {
        let id = id.clone();
        move || {
            s.program
                .with(|p| p.skills.iter().find(|k| k.id == id).cloned())
        }
    };
    let name = {
        let skill = skill.clone();
        move || skill().map(|k| k.name).unwrap_or_default()
    };
    let base = format!("skill-{id}");
    // The mode closures below read the program untracked: only a change of mode rebuilds
    // them, so typing in a row is never interrupted by an unrelated edit.
    let name_now = {
        let id = id.clone();
        move || {
            s.program
                .with_untracked(|p| p.skills.iter().find(|k| k.id == id).map(|k| k.name.clone()))
                .unwrap_or_default()
        }
    };

    let rename = {
        let id = id.clone();
        move || match commit_setup(s, SetupEdit::RenameSkill(id.clone(), draft.get_untracked())) {
            Ok(_) => {
                error.set(None);
                mode.set(Mode::View);
            }
            Err(Some(e)) => error.set(Some(sentence(&e.to_string()))),
            Err(None) => {}
        }
    };
    let remove_now = {
        let id = id.clone();
        let name = name_now.clone();
        move || {
            let label = name();
            match commit_setup(s, SetupEdit::RemoveSkill(id.clone())) {
                Ok(done) => done.announce(s, format!("Removed the skill \u{201c}{label}\u{201d}.")),
                Err(None) => mode.set(Mode::View),
                Err(Some(e)) => s.app().notices.error(sentence(&e.to_string())),
            }
        }
    };
    let ask_remove = {
        let id = id.clone();
        let remove_now = remove_now.clone();
        move |_| {
            let users = s.program.with_untracked(|p| setup::skill_users(p, &id));
            if users == 0 {
                remove_now();
            } else {
                mode.set(Mode::ConfirmRemove(users));
            }
        }
    };
    let set_cluster = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            match commit_setup(s, SetupEdit::SetCluster(id.clone(), v)) {
                Ok(_) => cluster_error.set(None),
                Err(Some(e)) => cluster_error.set(Some(sentence(&e.to_string()))),
                Err(None) => {}
            }
        }
    };

    let view_mode = {
        let name = name.clone();
        let skill = skill.clone();
        let base = base.clone();
        move || {
            let (n1, n2, n3, n4) = (name.clone(), name.clone(), name.clone(), name.clone());
            let skill = skill.clone();
            let start_rename = {
                let name = name.clone();
                move |_| {
                    draft.set(name());
                    error.set(None);
                    mode.set(Mode::Rename);
                }
            };
            view! {
                <span class="mk-skill__name">{n1}</span>
                <span class="mk-skill__cluster">
                    <label class="mk-visually-hidden" for=format!("{base}-cluster")>{move || format!("Cluster of {}", n2())}</label>
                    <input id=format!("{base}-cluster") type="text" maxlength="300" list="skill-clusters"
                        placeholder="Cluster"
                        aria-invalid=move || cluster_error.get().is_some().to_string()
                        aria-describedby=format!("{base}-error")
                        prop:value=move || skill().map(|k| k.cluster).unwrap_or_default()
                        on:change=set_cluster.clone()/>
                </span>
                <span class="mk-actions mk-actions--compact">
                    <button type="button" class="mk-button mk-button--small" node_ref=rename_button aria-label=move || format!("Rename {}", n3())
                        on:click=start_rename>"Rename"</button>
                    <button type="button" class="mk-button mk-button--small mk-button--danger" aria-label=move || format!("Remove {}", n4())
                        on:click=ask_remove.clone()>"Remove"</button>
                </span>
            }
        }
    };
    let rename_mode = {
        let name = name_now.clone();
        let base = base.clone();
        move || {
            let n = name();
            let rename = rename.clone();
            view! {
                <form class="mk-inline-form" aria-label=format!("Rename {n}")
                    on:submit=move |ev| { ev.prevent_default(); rename(); }
                    on:keydown=move |ev| if ev.key() == "Escape" { error.set(None); mode.set(Mode::View); }>
                    <label for=format!("{base}-rename")>{format!("New name for {n}")}</label>
                    <input id=format!("{base}-rename") type="text" maxlength="300" node_ref=rename_ref
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby=format!("{base}-error")
                        prop:value=move || draft.get()
                        on:input=move |ev| { draft.set(event_target_value(&ev)); error.set(None); }/>
                    <button type="submit" class="mk-button mk-button--small mk-button--primary">"Save"</button>
                    <button type="button" class="mk-button mk-button--small"
                        on:click=move |_| { error.set(None); mode.set(Mode::View); }>"Cancel"</button>
                </form>
            }
        }
    };
    let confirm_mode = {
        let name = name_now.clone();
        move |users: usize| {
            let n = name();
            let remove_now = remove_now.clone();
            let people = if users == 1 {
                "1 person uses".to_owned()
            } else {
                format!("{users} people use")
            };
            view! {
                <span class="mk-skill__confirm" role="group" aria-label=format!("Remove {n}?")>
                    <span>{format!("{people} \u{201c}{n}\u{201d}. Remove it from their profiles too?")}</span>
                    <button type="button" class="mk-button mk-button--small mk-button--danger"
                        on:click=move |_| remove_now()>"Remove skill"</button>
                    <button type="button" class="mk-button mk-button--small" node_ref=keep_ref
                        on:click=move |_| mode.set(Mode::View)>"Keep it"</button>
                </span>
            }
        }
    };

    view! {
        <li class="mk-skill">
            {move || match mode.get() {
                Mode::View => view_mode.clone()().into_any(),
                Mode::Rename => rename_mode.clone()().into_any(),
                Mode::ConfirmRemove(users) => confirm_mode.clone()(users).into_any(),
            }}
            <p id=format!("{base}-error") class="mk-field__error" role="alert">
                {move || error.get().or_else(|| cluster_error.get())}
            </p>
        </li>
    }
}
