//! A CSV import wizard mounted over a stored program, with what the wizard tests do to it:
//! pick files through real `change` events, press buttons, choose in drop-downs, press
//! keys. Shared by the participants and the check-ins wizard tests.
#![allow(dead_code)]

use leptos::prelude::*;
use mentorkit::app::notices::Notice;
use mentorkit::app::session::Session;
use mentorkit::app::AppContext;
use mentorkit::core::model::{Program, ProgramId};
use wasm_bindgen::JsCast;

use super::dom::{container, document, tick};

/// A mounted wizard over a stored program, with handles to check what it did.
pub struct Mounted {
    pub el: web_sys::HtmlElement,
    pub session: Session,
    pub app: AppContext,
    pub _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// Stores `program`, opens it in a session and mounts `wizard` (whose first button opens
/// it) with the app and the session in context.
pub fn mount_wizard(program: Program, wizard: fn() -> AnyView) -> Mounted {
    let el = container();
    let out = RwSignal::new(None::<(AppContext, Session)>);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let app = AppContext::new();
        provide_context(app);
        app.add_program(&program).expect("stored");
        let session = Session::open(app, &program.id).expect("opened");
        provide_context(session);
        out.set(Some((app, session)));
        wizard()
    });
    let (app, session) = out.get_untracked().expect("mounted");
    Mounted {
        el,
        session,
        app,
        _handle: handle,
    }
}

/// An empty program with a unique id (the tests share one browser storage).
pub fn program(name: &str) -> Program {
    let id = format!("wiz-{name}-{}", (js_sys::Math::random() * 1e9) as u64);
    Program::new(ProgramId::from(id.as_str()), name)
}

impl Mounted {
    pub fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        self.el
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
    }

    pub fn get(&self, selector: &str) -> web_sys::HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element {selector}"))
    }

    pub fn text(&self) -> String {
        self.el.text_content().unwrap_or_default()
    }

    pub fn button(&self, label: &str) -> Option<web_sys::HtmlElement> {
        all(&self.el, "button")
            .into_iter()
            .find(|b| b.text_content().is_some_and(|t| t.trim() == label))
    }

    pub async fn click(&self, label: &str) {
        self.button(label)
            .unwrap_or_else(|| panic!("no button {label}: {}", self.text()))
            .click();
        tick().await;
    }

    pub async fn wait_for(&self, what: &str, mut ready: impl FnMut(&Mounted) -> bool) {
        for _ in 0..100 {
            if ready(self) {
                return;
            }
            tick().await;
        }
        panic!("timed out waiting for {what}: {}", self.text());
    }

    /// Opens the wizard and picks a file with this content (through a real `change` event).
    pub async fn open_with(&self, name: &str, content: &str) {
        self.get("button").click();
        tick().await;
        self.pick(name, content);
        self.wait_for("the detection", |m| {
            m.find(".mk-wizard__detected").is_some()
        })
        .await;
    }

    /// Picks a file in the first file input.
    pub fn pick(&self, name: &str, content: &str) {
        self.pick_in("input[type=file]", name, content);
    }

    /// Picks a file in the file input `selector`, as a person choosing it would.
    pub fn pick_in(&self, selector: &str, name: &str, content: &str) {
        let input = self.get(selector);
        let id = input.id();
        let script = format!(
            "(() => {{ const input = document.getElementById({id}); const dt = new DataTransfer(); \
             dt.items.add(new File([{content}], {name}, {{ type: 'text/csv' }})); input.files = dt.files; \
             input.dispatchEvent(new Event('change', {{ bubbles: true }})); }})()",
            id = serde_json::to_string(&id).expect("json"),
            content = serde_json::to_string(content).expect("json"),
            name = serde_json::to_string(name).expect("json"),
        );
        js_sys::eval(&script).expect("file picked");
    }

    /// Opens the wizard with its first button (focused first, as a keyboard user would) and
    /// checks the dialog: modal, labelled by `title`, the page behind not scrolling, focus
    /// inside. Returns the button and the dialog.
    pub async fn open_modal(&self, title: &str) -> (web_sys::HtmlElement, web_sys::HtmlElement) {
        let opener = self.get("button");
        opener.focus().expect("focus");
        opener.click();
        tick().await;
        let dialog = self.get("[role=dialog]");
        assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
        let title_id = dialog.get_attribute("aria-labelledby").expect("labelled");
        let heading = document().get_element_by_id(&title_id).expect("title");
        assert_eq!(heading.text_content().as_deref(), Some(title));
        let body = document().body().expect("body");
        assert!(
            body.has_attribute("data-mk-modal"),
            "the page behind does not scroll"
        );
        let inside = active_element().is_some_and(|a| dialog.contains(Some(&a)));
        assert!(inside, "focus is inside the dialog");
        (opener, dialog)
    }

    /// The notice with an "Undo" button that an import leaves.
    pub fn undo_notice(&self) -> Notice {
        self.app
            .notices
            .list()
            .get_untracked()
            .into_iter()
            .find(|n| n.action.as_deref() == Some("Undo"))
            .expect("undo notice")
    }

    /// Fails unless the wizard's text contains `text`.
    pub fn says(&self, text: &str) {
        let all = self.text();
        assert!(all.contains(text), "\"{text}\" is not in: {all}");
    }

    /// Chooses `value` in the drop-down with this `aria-label`.
    pub fn choose(&self, select_label: &str, value: &str) {
        self.choose_first(&format!("select[aria-label=\"{select_label}\"]"), value);
    }

    /// Chooses `value` in the first drop-down matching `selector`.
    pub fn choose_first(&self, selector: &str, value: &str) {
        let select: web_sys::HtmlSelectElement = self.get(selector).dyn_into().expect("select");
        select.set_value(value);
        select
            .dispatch_event(&web_sys::Event::new("change").expect("event"))
            .expect("dispatched");
    }

    /// The value of the drop-down with this `aria-label`.
    pub fn chosen(&self, select_label: &str) -> String {
        let select: web_sys::HtmlSelectElement = self
            .get(&format!("select[aria-label=\"{select_label}\"]"))
            .dyn_into()
            .expect("select");
        select.value()
    }
}

/// Every element matching `selector` (through Reflect: web-sys's NodeList feature is off).
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let query: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into())
        .expect("querySelectorAll")
        .dyn_into()
        .expect("function");
    let list = query.call1(root, &selector.into()).expect("query");
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}

/// Presses a key on the focused element (a trusted-looking keydown the wizard handles).
pub fn key(code: &str, shift: bool) {
    let script = format!(
        "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', \
         {{ key: {code}, shiftKey: {shift}, bubbles: true, cancelable: true }}))",
        code = serde_json::to_string(code).expect("json"),
    );
    js_sys::eval(&script).expect("key pressed");
}

pub fn active_element() -> Option<web_sys::Element> {
    document().active_element()
}
