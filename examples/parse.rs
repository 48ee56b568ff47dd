//! Prints how the syntactic layer reads sentences: each word with its tag,
//! [noun phrases] and {verb groups}. For checking a rule's sentence by eye:
//!
//! ```sh
//! cargo run --release --example parse -- '"No," one clerk, who asked not to be named, told us.'
//! ```

use sourcelight::analysis::syntax::{self, Syntax, tagger::Scratch};

fn main() {
    let mut scratch = Scratch::default();
    for text in std::env::args().skip(1) {
        let parsed = syntax::parse(&text, Syntax::builtin(), &mut scratch);
        println!("{}", syntax::display(&parsed));
    }
}
