"""What the tests share: fixtures (registered by ``tests/conftest.py`` through ``pytest_plugins``)
and plain helpers (datasets, networks, servers, the training panel's drivers).

Nothing here is a test module, so pytest collects no tests from this package, and no test module
imports another (``tests/test_suite_layout.py`` checks that).
"""
