//! The Leptos user interface: pages and components. Pages call the core and render; they do
//! not compute scores, parse files or migrate data.

pub mod components;
pub mod pages;

use leptos::prelude::*;

use crate::app::route::Route;
use crate::app::AppContext;
use components::drop_zone::WindowDropZone;
use components::notices::NoticeStack;
use components::shortcuts::Shortcuts;
use components::storage_banner::StorageBannerView;
use pages::audience::AudiencePage;
use pages::library::LibraryPage;
use pages::program::ProgramPage;
use pages::share::SharePage;

/// The root component: provides the app context and switches pages on the route.
#[component]
pub fn App() -> impl IntoView {
    // A workshop's audience window shows only what the presenter sends: it never opens the
    // library (nor any program), so it is mounted before the app context exists.
    if let Route::Audience(id) = Route::parse(&crate::app::browser::location_hash()) {
        return view! { <AudiencePage id=id/> }.into_any();
    }
    let app = AppContext::new();
    provide_context(app);
    crate::app::offline::start(app.notices);

    // Only the page kind and program id re-create the page; switching sections does not
    // re-open the program.
    let page_key = Memo::new(move |_| match app.route.get() {
        Route::Program { id, .. } => Route::Program {
            id,
            section: crate::app::route::Section::Overview,
        },
        other => other,
    });
    // Keyboard and screen-reader users land on the new page's content, not on a button
    // that no longer exists.
    Effect::new(move |prev: Option<Route>| {
        let key = page_key.get();
        if prev.is_some_and(|p| p != key) {
            request_animation_frame(|| crate::app::browser::focus_element("main"));
        }
        key
    });
    let page = move || {
        match page_key.get() {
        Route::Library => view! { <LibraryPage/> }.into_any(),
        Route::Program { id, .. } => view! { <ProgramPage id=id/> }.into_any(),
        Route::Share(payload) => view! { <SharePage payload=payload/> }.into_any(),
        // Reached by editing the hash in an open app window: the audience view needs a
        // window of its own (a reload shows it).
        Route::Audience(id) => view! {
            <main id="main" class="mk-page mk-page--narrow" tabindex="-1">
                <h1>"Audience window"</h1>
                <p>"The audience view opens in a window of its own. Reload this page to show it here."</p>
                <p><a href=Route::Program { id, section: crate::app::route::Section::Present }.to_string()>"Go to the presenter"</a></p>
            </main>
        }
        .into_any(),
        Route::NotFound(hash) => view! {
            <main id="main" class="mk-page mk-page--narrow" tabindex="-1">
                <h1>"Page not found"</h1>
                <p>"There is nothing at " <code>{hash}</code> "."</p>
                <p><a href="#/">"Go to your programs"</a></p>
            </main>
        }
        .into_any(),
    }
    };

    view! {
        <a class="mk-skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            crate::app::browser::focus_element("main");
        }>"Skip to content"</a>
        <header class="mk-topbar">
            <a class="mk-brand" href="#/">
                <img src="favicon.svg" alt="" width="28" height="28"/>
                <span>"MentorKit"</span>
            </a>
            <span class="mk-topbar__tagline">"Mentoring programs, in your browser. No server, no account."</span>
            <Shortcuts/>
        </header>
        <StorageBannerView/>
        {page}
        <NoticeStack/>
        <WindowDropZone/>
    }
    .into_any()
}
