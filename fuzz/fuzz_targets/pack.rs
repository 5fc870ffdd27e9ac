//! The pack parser and validator: any bytes, as raw bytes and as (lossy) text, are
//! either a pack or a list of problems, each with FILE:LINE:COLUMN and no raw
//! control characters. Never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reflect::pack::{parse_pack, parse_pack_bytes, PackOrigin, Problem};

fn check(result: Result<reflect::pack::Pack, Vec<Problem>>) {
    match result {
        Ok(pack) => assert!(!pack.id.is_empty()),
        Err(problems) => {
            assert!(!problems.is_empty(), "a rejected pack names a problem");
            for problem in problems {
                let shown = problem.to_string();
                assert!(shown.starts_with("fuzz.toml:"), "{shown}");
                assert!(problem.line >= 1 && problem.column >= 1, "{shown}");
                assert!(!shown.chars().any(char::is_control), "{shown:?}");
            }
        }
    }
}

fuzz_target!(|bytes: &[u8]| {
    check(parse_pack_bytes(
        bytes,
        "fuzz.toml",
        PackOrigin::Embedded("fuzz"),
    ));
    let text = String::from_utf8_lossy(bytes);
    check(parse_pack(&text, "fuzz.toml", PackOrigin::Embedded("fuzz")));
});
