# Real Python SPARQL clients (Debian's python3-sparqlwrapper and python3-rdflib) against the endpoint given as argv[1]; prints one JSON object of what each saw.
import json
import sys
import warnings

from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV, TSV, N3, TURTLE, RDFXML
from rdflib import ConjunctiveGraph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

endpoint = sys.argv[1]
seed = "http://localhost:8080/id/thesis/1.0449833"
select = "SELECT ?t WHERE { <%s> a ?t }" % seed
construct = "CONSTRUCT { <%s> a ?t } WHERE { <%s> a ?t }" % (seed, seed)
out = {}
warnings.simplefilter("ignore")


def run(name, query, fmt, read):
    """Runs one query in SPARQLWrapper's default mode (Accept and format parameters both sent)."""
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    try:
        out[name] = read(client.query().convert())
    except Exception as err:  # the test prints what failed and how
        out[name] = "error: %s" % err


run("select-json", select, JSON, lambda r: len(r["results"]["bindings"]))
run("select-xml", select, XML, lambda r: len(r.getElementsByTagName("result")))
run("select-csv", select, CSV, lambda r: len(r.decode("utf-8").strip().splitlines()) - 1)
run("select-tsv", select, TSV, lambda r: len(r.decode("utf-8").strip().splitlines()) - 1)
run("ask-json", "ASK { <%s> a ?t }" % seed, JSON, lambda r: r["boolean"])
run("construct-n3", construct, N3, lambda r: len(ConjunctiveGraph().parse(data=r, format="turtle")))
run("construct-turtle", construct, TURTLE, lambda r: len(ConjunctiveGraph().parse(data=r, format="turtle")))
run("construct-rdfxml", construct, RDFXML, lambda r: len(r))
run("construct-xml", construct, XML, lambda r: len(r))
run("describe-rdfxml", "DESCRIBE <%s>" % seed, RDFXML, lambda r: len(r))

try:
    graph = ConjunctiveGraph(SPARQLStore(endpoint))
    out["rdflib-contexts"] = sorted(str(c.identifier) for c in graph.contexts())
    out["rdflib-select"] = len(list(graph.query(select)))
except Exception as err:
    out["rdflib-contexts"] = "error: %s" % err

print(json.dumps(out))
