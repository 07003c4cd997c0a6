//! `mentorkit`, the command-line tool.

fn main() {
    eprintln!("mentorkit {}", env!("CARGO_PKG_VERSION"));
}
