// Loads a stancegraph Cytoscape.js export headless, the way a web page would,
// and checks the counts and the styling classes.
//
//   node cytoscape_check.mjs FILE.json NODES EDGES
//
// Prints one line; exits 1 on any mismatch.
import { readFileSync } from "node:fs";
import cytoscape from "cytoscape";

const [file, nodes, edges] = process.argv.slice(2);
const data = JSON.parse(readFileSync(file, "utf8"));
const cy = cytoscape({ headless: true, elements: data.elements });
const problems = [];
if (cy.nodes().length !== Number(nodes)) problems.push(`nodes ${cy.nodes().length} != ${nodes}`);
if (cy.edges().length !== Number(edges)) problems.push(`edges ${cy.edges().length} != ${edges}`);
cy.edges().forEach((e) => {
  const rel = e.data("relation");
  if (!e.hasClass(rel)) problems.push(`edge ${e.id()} lacks class ${rel}`);
  if (!e.source().nonempty() || !e.target().nonempty()) problems.push(`edge ${e.id()} dangles`);
});
cy.nodes().forEach((n) => {
  if (typeof n.data("label") !== "string" || n.data("label") === "") problems.push(`node ${n.id()} has no label`);
});
if (problems.length) {
  console.log(`cytoscape: FAIL ${problems.join("; ")}`);
  process.exit(1);
}
const classes = ["supports", "opposes", "negotiates-with"].map((c) => `${c}=${cy.edges("." + c).length}`);
console.log(`cytoscape: ok ${cy.nodes().length} nodes, ${cy.edges().length} edges (${classes.join(", ")})`);
