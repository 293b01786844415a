"""Demo data, the Utrecht Zuid 2005-2007 scenario and the generators of benchmark data.

Nothing in the product imports this app: it is the top layer, used by `manage.py
seed_demo`, the benchmarks in bench/ and the tests."""
