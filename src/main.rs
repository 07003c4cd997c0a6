//! Entry point of the web app: installs the panic hook and mounts the UI.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(mentorkit::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mentorkit-app is the web app: build it with `make run` (Trunk, wasm32). \
         The command-line tool is `mentorkit`."
    );
    std::process::exit(2);
}
