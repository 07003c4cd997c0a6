//! What every paged, sortable table shares: its sort headers, its pager and its "select
//! all shown" checkbox (the participants and relationships tables use them).

use std::collections::HashSet;
use std::hash::Hash;

use leptos::prelude::*;

/// Which page a table shows: the number of pages and the current one (a page number past
/// the end, after a filter or a removal, shows the last page).
#[derive(Clone, Copy)]
pub struct Paging {
    /// Pages (at least 1).
    pub pages: Memo<usize>,
    /// The page shown, from 0.
    pub current: Memo<usize>,
    /// Rows in all.
    pub total: Signal<usize>,
    /// Rows per page.
    pub size: usize,
}

impl Paging {
    /// Paging of `total` rows, `size` per page, at `page`.
    pub fn new(total: Signal<usize>, page: RwSignal<usize>, size: usize) -> Paging {
        let pages = Memo::new(move |_| total.get().div_ceil(size).max(1));
        let current = Memo::new(move |_| page.get().min(pages.get() - 1));
        Paging {
            pages,
            current,
            total,
            size,
        }
    }

    /// The rows of the current page, as a range of indices.
    pub fn range(&self) -> std::ops::Range<usize> {
        let start = self.current.get() * self.size;
        start..(start + self.size).min(self.total.get())
    }
}

/// The pager under a table: "Rows 1–50 of 5000", previous, "Page 1 of 100", next.
#[component]
pub fn Pager(
    /// What the pages are of, for screen readers ("Pages of participants").
    label: &'static str,
    /// The paging.
    paging: Paging,
    /// The page asked for; the buttons change it.
    page: RwSignal<usize>,
) -> impl IntoView {
    let Paging {
        pages,
        current,
        total,
        size,
    } = paging;
    let range = move || {
        let total = total.get();
        let start = current.get() * size;
        if total == 0 {
            "No rows".to_owned()
        } else {
            format!(
                "Rows {}\u{2013}{} of {total}",
                start + 1,
                (start + size).min(total)
            )
        }
    };
    view! {
        <nav class="mk-pager" aria-label=label>
            <span class="mk-pager__range">{range}</span>
            <button type="button" class="mk-button mk-button--small" disabled=move || current.get() == 0
                on:click=move |_| page.set(current.get_untracked().saturating_sub(1))>"Previous page"</button>
            <span>{move || format!("Page {} of {}", current.get() + 1, pages.get())}</span>
            <button type="button" class="mk-button mk-button--small" disabled=move || { current.get() + 1 >= pages.get() }
                on:click=move |_| page.set(current.get_untracked() + 1)>"Next page"</button>
        </nav>
    }
}

/// A column header that sorts: a button with the column's name and an arrow, and
/// `aria-sort` saying the order.
#[component]
pub fn SortHeader(
    /// The column's name.
    label: &'static str,
    /// `None` when the table is not sorted by this column, else whether descending.
    #[prop(into)]
    direction: Signal<Option<bool>>,
    /// Right-aligned (numbers).
    #[prop(optional)]
    numeric: bool,
    /// Sort by this column (again: the other way).
    #[prop(into)]
    on_sort: Callback<()>,
) -> impl IntoView {
    let aria = move || match direction.get() {
        None => "none",
        Some(true) => "descending",
        Some(false) => "ascending",
    };
    let arrow = move || match direction.get() {
        None => "\u{21c5}",
        Some(true) => "\u{25bc}",
        Some(false) => "\u{25b2}",
    };
    view! {
        <th scope="col" class=if numeric { "mk-num" } else { "" } aria-sort=aria>
            <button type="button" class="mk-sort-button" on:click=move |_| on_sort.run(())>
                {label}
                <span class="mk-sort-button__arrow" aria-hidden="true">{arrow}</span>
                <span class="mk-visually-hidden">{format!(", sort by {}", label.to_lowercase())}</span>
            </button>
        </th>
    }
}

/// The "select all shown" checkbox's state and action for rows with ids of type `T`.
pub fn select_shown<T: Clone + Eq + Hash + Send + Sync + 'static>(
    shown: Signal<Vec<T>>,
    selected: RwSignal<HashSet<T>>,
) -> (impl Fn() -> bool + Copy, impl Fn(leptos::ev::Event) + Copy) {
    let all =
        move || shown.with(|r| !r.is_empty() && selected.with(|s| r.iter().all(|x| s.contains(x))));
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let ids = shown.get_untracked();
        selected.update(|s| {
            for id in ids {
                if on {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            }
        });
    };
    (all, toggle)
}
