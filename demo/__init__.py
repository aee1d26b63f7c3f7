"""Made-up data: the demo (``manage.py load_demo``) and synthetic decades for benchmarks (``generate_bulk``).

Above the domain apps in the import direction: it writes through their models and services, and nothing in the
project imports it (bench/ reads its account names).
"""
