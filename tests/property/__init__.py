"""Property tests (hypothesis): rules that hold for every possible answer set."""
