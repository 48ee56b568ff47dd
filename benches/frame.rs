//! Frame times of the whole window, headless, with a generated
//! 5,000-paragraph article: scrolled to the middle, the first frame after
//! the window's width changes, and from opening the file to the first
//! analysed frame. The README records the medians.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use sourcelight::app::{Settings, SourcelightApp};
use sourcelight::generate;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PARAGRAPHS: usize = 5_000;

fn input(width: f32) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width, 900.0),
        )),
        ..Default::default()
    }
}

/// One whole frame: layout, painting and tessellation, as a window does.
fn frame(ctx: &egui::Context, app: &mut SourcelightApp, width: f32) {
    let mut output = ctx.run_ui(input(width), |ui| app.draw(ui));
    // No GPU here to upload font textures to: drop them as handled.
    output.textures_delta.clear();
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
}

/// A long article written to a file, opened as a user would.
fn long_article_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("long.txt");
    std::fs::write(&path, generate::article(PARAGRAPHS, 11).join("\n\n")).expect("write article");
    (dir, path)
}

fn opened(path: &Path) -> (egui::Context, SourcelightApp) {
    let ctx = egui::Context::default();
    let mut app = SourcelightApp::headless(Settings::default());
    app.open_paths(vec![path.to_path_buf()]);
    app.finish_loading();
    frame(&ctx, &mut app, 1280.0);
    (ctx, app)
}

fn benches(c: &mut Criterion) {
    let (_dir, path) = long_article_file();

    let (ctx, mut app) = opened(&path);
    app.scroll_to = Some(PARAGRAPHS / 2);
    for _ in 0..3 {
        frame(&ctx, &mut app, 1280.0);
    }
    c.bench_function("frame/scrolled_middle_5000", |b| {
        b.iter(|| frame(&ctx, &mut app, 1280.0))
    });

    let mut width = 1280.0;
    c.bench_function("frame/after_resize_5000", |b| {
        b.iter(|| {
            width = if width > 1280.0 { 1280.0 } else { 1297.0 };
            frame(&ctx, &mut app, width);
        })
    });

    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.bench_function("first_frame_5000", |b| b.iter(|| opened(&path)));
    group.finish();
}

criterion_group!(frames, benches);
criterion_main!(frames);
