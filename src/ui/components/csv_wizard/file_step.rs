//! Step 1 of every CSV import wizard: pick or drop the file; see what was detected and
//! override it.

use leptos::prelude::*;

use super::file::CsvFile;
use super::parts::FileButton;

/// The delimiter choices: (option value, byte, label). `None` means detect.
const DELIMITERS: [(&str, Option<u8>, &str); 5] = [
    ("auto", None, "Detect automatically"),
    ("comma", Some(b','), "Comma (,)"),
    ("semicolon", Some(b';'), "Semicolon (;)"),
    ("tab", Some(b'\t'), "Tab"),
    ("pipe", Some(b'|'), "Vertical bar (|)"),
];

fn delimiter_name(byte: u8) -> String {
    DELIMITERS
        .iter()
        .find(|(_, b, _)| *b == Some(byte))
        .map_or_else(
            || format!("\u{201c}{}\u{201d}", char::from(byte)),
            |(_, _, l)| (*l).to_owned(),
        )
}

/// The file picker (a file input styled as a button), the read's progress and errors, and
/// the detection with its overrides.
#[component]
pub(crate) fn FileStep(
    /// The wizard's file.
    file: CsvFile,
    /// What file to choose, under the step's title.
    hint: &'static str,
) -> impl IntoView {
    let w = file;
    view! {
        <h3 id=w.id("step") class="mk-wizard__step-title" tabindex="-1">"Choose the file"</h3>
        <p class="mk-hint">{hint}</p>
        <FileButton
            id=w.id("file")
            label="Choose a CSV file…"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            primary=true
            on_pick=Callback::new(move |picked| w.load(picked))
        />
        {move || {
            w.reading
                .get()
                .then(|| {
                    view! {
                        <p class="mk-wizard__progress" role="status">
                            <progress aria-label="Reading the file"></progress>
                            {format!(" Reading {}…", w.file_name.get().unwrap_or_default())}
                        </p>
                    }
                })
        }}
        {move || {
            w.file_error
                .get()
                .map(|e| view! { <p class="mk-wizard__error" role="alert">{e}</p> })
        }}
        <Detected file=w/>
        <Show when=move || w.file_name.get().is_some() && !w.reading.get()>
            <Overrides file=w/>
        </Show>
    }
}

/// What detection found, as a description list.
#[component]
fn Detected(file: CsvFile) -> impl IntoView {
    let w = file;
    move || {
        w.sniffed.get().map(|s| {
            let encoding = format!(
                "{}{}",
                s.encoding.label(),
                if s.has_bom {
                    ", with byte-order mark (BOM)"
                } else {
                    ", no byte-order mark"
                }
            );
            let header = if s.has_header {
                "Yes: the first row names the columns"
            } else {
                "No: the first row is data"
            };
            view! {
                <dl class="mk-wizard__detected" aria-label="Detected">
                    <div><dt>"File"</dt><dd>{w.file_name.get_untracked()}</dd></div>
                    <div><dt>"Encoding"</dt><dd>{encoding}</dd></div>
                    <div><dt>"Delimiter"</dt><dd>{delimiter_name(s.delimiter)}</dd></div>
                    <div><dt>"Header row"</dt><dd>{header}</dd></div>
                    <div>
                        <dt>"Size"</dt>
                        <dd>{format!("{} data rows, {} columns", s.rows.len(), s.headers.len())}</dd>
                    </div>
                </dl>
            }
        })
    }
}

/// Controls that override detection. Rendered once per file so a re-read does not take
/// the keyboard focus away from them.
#[component]
fn Overrides(file: CsvFile) -> impl IntoView {
    let w = file;
    let delimiter_id = w.id("delimiter");
    let on_delimiter = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = DELIMITERS
            .iter()
            .find(|(key, _, _)| *key == value)
            .and_then(|(_, byte, _)| *byte);
        w.sniff_options.update(|o| o.delimiter = chosen);
        w.resniff();
    };
    let on_header = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        w.sniff_options.update(|o| o.has_header = Some(on));
        w.resniff();
    };
    view! {
        <div class="mk-wizard__controls">
            <div class="mk-field">
                <label for=delimiter_id.clone()>"Delimiter"</label>
                <select id=delimiter_id on:change=on_delimiter>
                    {DELIMITERS
                        .into_iter()
                        .map(|(key, byte, label)| {
                            view! {
                                <option
                                    value=key
                                    prop:selected=move || w.sniff_options.with(|o| o.delimiter == byte)
                                >
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <label class="mk-wizard__check">
                <input
                    type="checkbox"
                    prop:checked=move || w.sniffed.with(|s| s.as_ref().is_some_and(|s| s.has_header))
                    on:change=on_header
                />
                " The first row names the columns"
            </label>
        </div>
    }
}
