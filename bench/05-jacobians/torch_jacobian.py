"""torch_jacobian.py: PyTorch's side of lesson 05's benchmark.

bench-05-jacobians starts this script (with Debian's /usr/bin/python3, which
has python3-torch) and talks to it through its standard input and output:

  1. it writes a line "layers width", then, as native doubles, the weights and
     biases layer after layer (each W row-major, then its b: the layout of
     jc_tanh_net's params) and the point x;
  2. the script answers one line: "ready <what runs>", or "unavailable:
     <why>" (and exits) when PyTorch cannot be imported;
  3. then, a command per line: "run" computes the whole Jacobian once and
     answers the seconds it took, timed here, so that neither the pipe nor
     the interpreter's start is counted; "jacobian" writes the last Jacobian
     (width x width native doubles, row-major); "quit" ends.

The Jacobian is torch.autograd.functional.jacobian(f, x, vectorize=True):
reverse mode, with the vector-Jacobian products of all the outputs batched
into matrix products. One thread, float64, on the same weights as the C side.
"""
import os
import sys
import time

# Before torch loads OpenBLAS, which reads them when it starts.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")


def read_exactly(stream, size):
    data = bytearray()
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            raise EOFError("the benchmark's data ended early")
        data += chunk
    return data


def reply(text):
    sys.stdout.buffer.write(text.encode() + b"\n")
    sys.stdout.buffer.flush()


def openblas_kernels():
    """Which kernels the OpenBLAS that torch loaded picked for this processor."""
    try:
        import ctypes

        lib = ctypes.CDLL("libopenblas.so.0")
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return "OpenBLAS kernels for " + lib.openblas_get_corename().decode()
    except (OSError, AttributeError):
        return "BLAS unknown"


def aten_vector_width(torch):
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage" in line:
            return "ATen " + line.split(":", 1)[1].strip()
    return "ATen vector width unknown"


def main():
    layers, width = (int(v) for v in sys.stdin.buffer.readline().split())
    count = layers * (width + 1) * width + width
    raw = read_exactly(sys.stdin.buffer, 8 * count)
    try:
        import torch
    except ImportError as error:
        reply("unavailable: " + str(error))
        return
    torch.set_num_threads(1)
    values = torch.frombuffer(raw, dtype=torch.float64)
    weights, biases, at = [], [], 0
    for _ in range(layers):
        weights.append(values[at : at + width * width].view(width, width))
        biases.append(values[at + width * width : at + (width + 1) * width])
        at += (width + 1) * width
    x = values[at : at + width].clone()

    def network(h):
        for w, b in zip(weights, biases):
            h = torch.tanh(w @ h + b)
        return h

    def jacobian():
        return torch.autograd.functional.jacobian(network, x, vectorize=True)

    jac = jacobian()  # the first call builds what later calls reuse
    reply("ready PyTorch %s, %s, %s" % (torch.__version__, openblas_kernels(),
                                        aten_vector_width(torch)))
    for command in sys.stdin.buffer:
        command = command.strip()
        if command == b"run":
            start = time.perf_counter()
            jac = jacobian()
            reply(repr(time.perf_counter() - start))
        elif command == b"jacobian":
            sys.stdout.buffer.write(jac.contiguous().numpy().tobytes())
            sys.stdout.buffer.flush()
        else:
            break


if __name__ == "__main__":
    main()
