//! Where `connkit diff` spends its time on one pair: read+parse, compare, positions.
//! cargo run --release --example diff_phases -- OLD NEW [ROUNDS]

use std::path::Path;
use std::time::Instant;

use connkit::diff::{self, Side};
use connkit::model::DataFile;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(o), Some(n)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: diff_phases OLD NEW [ROUNDS]");
        return;
    };
    let rounds: u32 = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(5);
    let load = |p: &str| Side {
        label: p.to_string(),
        definition: Some(DataFile::load(
            Path::new(p),
            "apiDefinition.swagger.json".into(),
        )),
        properties: None,
    };
    for _ in 0..rounds {
        let t = Instant::now();
        let (old, new) = (load(o), load(n));
        let t_load = t.elapsed();
        let t = Instant::now();
        let raw = diff::raw_changes(&old, &new);
        let t_cmp = t.elapsed();
        let t = Instant::now();
        let r = diff::diff(&old, &new);
        let t_all = t.elapsed();
        println!(
            "load+parse {:.1} ms, compare {:.1} ms ({} changes), compare+positions {:.1} ms ({})",
            t_load.as_secs_f64() * 1e3,
            t_cmp.as_secs_f64() * 1e3,
            raw.len(),
            t_all.as_secs_f64() * 1e3,
            r.changes.len()
        );
    }
}
