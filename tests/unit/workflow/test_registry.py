from builder.step_kinds import STEP_KINDS
from runtime.workflow.handlers import HANDLERS, handler_for


def test_handler_registry_keys_match_the_step_kinds() -> None:
    handler_for("verification")
    assert set(HANDLERS) == set(STEP_KINDS)
