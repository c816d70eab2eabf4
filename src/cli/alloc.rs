//! The global allocator of the command and of the benchmarks (which include this file by
//! path, so that they measure what the command runs).

/// mimalloc, asked for an alignment only when a layout needs more than every block has.
/// (`mimalloc::MiMalloc` calls the aligned entry points for every layout, and their checks
/// cost about a tenth of a small allocation: 9 M of 998 M instructions on PolNeAR train's
/// text. Nearly every layout of the analysis has an alignment of 8 or less.)
pub struct Mi;

/// The alignment every block of `mi_malloc` has: its small blocks are whole machine words
/// (a 24-byte block is aligned to 8, not to 16, so 16 is not), larger ones are aligned
/// further.
const WORD: usize = std::mem::size_of::<usize>();

/// Whether `mi_malloc`'s alignment serves the layout.
fn plain(layout: std::alloc::Layout) -> bool {
    layout.align() <= WORD
}

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free` takes blocks of
// either entry point); a plain block is used only for a layout whose alignment it has.
unsafe impl std::alloc::GlobalAlloc for Mi {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as the trait asks; the layout's size is not zero.
        unsafe {
            if plain(layout) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as `alloc`.
        unsafe {
            if plain(layout) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        let grown = std::alloc::Layout::from_size_align(new_size, layout.align());
        // SAFETY: `ptr` came from this allocator with `layout`; the new size is not zero.
        unsafe {
            if grown.is_ok_and(plain) {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

// mimalloc's `mi_option_set_default` (mimalloc.h): an option's value unless the environment
// sets it (`MIMALLOC_<NAME>`). Linked from the library `libmimalloc-sys` builds.
unsafe extern "C" {
    fn mi_option_set_default(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (the sixteenth option; mimalloc.h of
/// the `libmimalloc-sys` that Cargo.lock pins).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Give memory that a run no longer uses back to the system after 10 ms, not mimalloc 3's
/// default of a second: documents are read on one thread and freed on others, and with a
/// second's delay the freed pages of the last batches add up (peak memory on a 1 GB archive,
/// two threads: 61–66 MB with the default, 55 MB with this; CPU time the same within the
/// noise). `MIMALLOC_PURGE_DELAY` still overrides it. Call before the first thread starts.
// (the benchmarks include this file for the allocator alone)
#[allow(dead_code)]
pub fn purge_soon() {
    // SAFETY: sets an option's default value; mimalloc reads options at any time.
    unsafe { mi_option_set_default(MI_OPTION_PURGE_DELAY, 10) }
}
