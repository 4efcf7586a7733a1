//! placeholder
pub fn start() {}
