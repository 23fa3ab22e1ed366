"""A contract type for import-linter (`make lint`, configured in pyproject.toml): no module
imports itself through a cycle.

import-linter's own `acyclic_siblings` looks at packages with their descendants squashed
together; this one looks at modules, the level at which Python runs into a half-loaded
module. An import inside a function counts like one at the top (grimp reads both): a
cycle that is only lazy is still a cycle in the design.
"""

from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck
from importlinter.domain.helpers import module_expressions_to_modules


def strongly_connected_components(graph, modules):
    """The groups of `modules` that import each other in a cycle (Tarjan, iterative:
    the module graph is deep enough for Python's recursion limit)."""
    modules = set(modules)
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for root in sorted(modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root) & modules)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    imported = graph.find_modules_directly_imported_by(child) & modules
                    work.append((child, iter(sorted(imported))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


class AcyclicModulesContract(Contract):
    """No cycle among the modules of `containers` (and their descendants)."""

    type_name = "acyclic_modules"

    containers = fields.ListField(subfield=fields.ModuleExpressionField())

    def check(self, graph, verbose):
        roots = module_expressions_to_modules(graph, self.containers)
        modules = set()
        for root in roots:
            modules.add(root.name)
            modules |= graph.find_descendants(root.name)
        cycles = strongly_connected_components(graph, modules)
        return ContractCheck(kept=not cycles, metadata={"cycles": cycles, "graph": graph})

    def render_broken_contract(self, check):
        graph = check.metadata["graph"]
        for cycle in check.metadata["cycles"]:
            members = set(cycle)
            output.print_error(f"Modules in an import cycle ({len(cycle)}):")
            for module in cycle:
                imported = sorted(graph.find_modules_directly_imported_by(module) & members)
                output.print_error(f"- {module} -> {', '.join(imported)}")
            output.new_line()
