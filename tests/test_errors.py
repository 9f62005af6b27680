"""Exception types and exit codes (idefx.errors)."""

import pickle

import pytest

from idefx.errors import (EXIT_NOTHING_PROCESSED, EXIT_OK, EXIT_OUTPUT, EXIT_SOME_FAILED, InputError, OutputError,
                          batch_exit_code)


@pytest.mark.parametrize("processed,failed,code", [(3, 0, EXIT_OK), (2, 1, EXIT_SOME_FAILED),
                                                   (0, 2, EXIT_NOTHING_PROCESSED)])
def test_batch_exit_code(processed, failed, code):
    assert batch_exit_code(processed, failed) == code


def test_input_error_names_the_path_and_survives_pickling():
    error = InputError("in\nbox/a.txt", "no such file")
    assert str(error) == "in\\nbox/a.txt: no such file"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, str(copy)) == (error.path, error.reason, str(error))
    assert error.exit_code == EXIT_NOTHING_PROCESSED


def test_output_error_exit_code():
    assert OutputError("out.json: cannot write").exit_code == EXIT_OUTPUT
