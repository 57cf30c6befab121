package io.sextant.routing.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A thin JSON-RPC client for one {@link AnvilNode}: legacy transactions signed locally with anvil's
 * first dev key (nonces counted here, automine means one block per transaction), {@code eth_call}
 * with revert reasons, ABI encoding through web3j. Single-threaded.
 */
public final class Chain implements AutoCloseable {
  /** Gas limit of every transaction (the node's block limit is far higher). */
  private static final BigInteger TX_GAS = BigInteger.valueOf(400_000_000L);

  private static final BigInteger GAS_PRICE = BigInteger.valueOf(10_000_000_000L);

  private final AnvilNode node;
  private final HttpService http;
  private final Web3j web3;
  private boolean syncSend = true;
  private final Credentials credentials;
  private BigInteger nonce;
  private long transactions;
  private long calls;

  public Chain(final AnvilNode node) {
    this.node = node;
    this.http = new HttpService(node.rpcUrl());
    this.web3 = Web3j.build(http);
    this.credentials = Credentials.create(AnvilNode.DEV_KEY);
    try {
      this.nonce =
          web3.ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.PENDING)
              .send()
              .getTransactionCount();
    } catch (final IOException e) {
      throw new UncheckedIOException("anvil unreachable at " + node.rpcUrl(), e);
    }
  }

  /** Re-reads the sender's nonce from the node (after {@code evm_revert} rolled it back). */
  public void resyncNonce() {
    try {
      this.nonce =
          web3.ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.PENDING)
              .send()
              .getTransactionCount();
    } catch (final IOException e) {
      throw new UncheckedIOException("anvil unreachable at " + node.rpcUrl(), e);
    }
  }

  /** The underlying web3j client (raw JSON-RPC such as {@code evm_snapshot}). */
  public Web3j web3() {
    return web3;
  }

  /** Address that signs every transaction. */
  public String sender() {
    return credentials.getAddress();
  }

  /** Transactions sent so far. */
  public long transactions() {
    return transactions;
  }

  /** {@code eth_call}s made so far. */
  public long calls() {
    return calls;
  }

  /** Deploys creation code (hex) followed by ABI-encoded constructor arguments (hex, may be ""). */
  public String deploy(final String bytecode, final String constructorArgs) {
    final String init = bytecode + Numeric.cleanHexPrefix(constructorArgs);
    final TransactionReceipt receipt =
        sendRaw(
            RawTransaction.createContractTransaction(
                nonce, GAS_PRICE, TX_GAS, BigInteger.ZERO, init),
            null,
            init);
    final String address = receipt.getContractAddress();
    if (address == null) {
      throw new IllegalStateException("deployment produced no contract: " + receipt);
    }
    return address;
  }

  /** Sends a transaction calling {@code function} on {@code to}; throws if it reverts. */
  public TransactionReceipt send(final String to, final Function function) {
    return send(to, FunctionEncoder.encode(function));
  }

  /** Sends a transaction with raw calldata; throws (with the revert reason) if it reverts. */
  public TransactionReceipt send(final String to, final String data) {
    return sendRaw(
        RawTransaction.createTransaction(nonce, GAS_PRICE, TX_GAS, to, BigInteger.ZERO, data),
        to,
        data);
  }

  private TransactionReceipt sendRaw(final RawTransaction tx, final String to, final String data) {
    final String signed =
        Numeric.toHexString(TransactionEncoder.signMessage(tx, AnvilNode.CHAIN_ID, credentials));
    try {
      if (syncSend) {
        // EIP-7966: anvil mines (automine) and answers with the receipt, no polling.
        final EthGetTransactionReceipt synced =
            new Request<>(
                    "eth_sendRawTransactionSync",
                    List.of(signed),
                    http,
                    EthGetTransactionReceipt.class)
                .send();
        if (!synced.hasError() && synced.getTransactionReceipt().isPresent()) {
          nonce = nonce.add(BigInteger.ONE);
          transactions++;
          return checked(synced.getTransactionReceipt().get(), to, data);
        }
        if (synced.hasError() && synced.getError().getCode() != -32601) {
          throw new ChainException(
              "transaction to " + to + " rejected: " + synced.getError().getMessage(),
              synced.getError().getMessage());
        }
        syncSend = false; // method not found: fall back to send + poll
      }
      final EthSendTransaction sent = web3.ethSendRawTransaction(signed).send();
      if (sent.hasError()) {
        throw new ChainException(
            "transaction to " + to + " rejected: " + sent.getError().getMessage(),
            sent.getError().getMessage());
      }
      nonce = nonce.add(BigInteger.ONE);
      transactions++;
      return checked(awaitReceipt(sent.getTransactionHash()), to, data);
    } catch (final IOException e) {
      throw new UncheckedIOException("RPC failed; anvil log:\n" + node.logTail(2000), e);
    }
  }

  private TransactionReceipt checked(
      final TransactionReceipt receipt, final String to, final String data) {
    if (!receipt.isStatusOK()) {
      final String reason = to == null ? "deployment" : revertReason(to, data).orElse("?");
      throw new ChainException(
          "transaction to " + to + " reverted (" + reason + "), gas used " + receipt.getGasUsed(),
          reason);
    }
    return receipt;
  }

  private TransactionReceipt awaitReceipt(final String hash) throws IOException {
    final long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      final Optional<TransactionReceipt> receipt =
          web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        return receipt.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no receipt for " + hash + " after 30 s");
      }
      try {
        Thread.sleep(1); // fallback only: nodes without eth_sendRawTransactionSync
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + hash, e);
      }
    }
  }

  /** {@code eth_call} returning the raw result; throws {@link ChainException} if it reverts. */
  public String call(final String to, final String data) {
    final EthCall result = ethCall(to, data);
    if (result.hasError()) {
      throw new ChainException(
          "call to " + to + " reverted: " + result.getError().getMessage(),
          result.getError().getMessage());
    }
    return result.getValue();
  }

  /** {@code eth_call} decoded with the function's output types. */
  @SuppressWarnings("rawtypes")
  public List<Type> call(final String to, final Function function) {
    return FunctionReturnDecoder.decode(
        call(to, FunctionEncoder.encode(function)), function.getOutputParameters());
  }

  /**
   * The revert message of {@code eth_call(to, data)} at the latest block, or empty if it succeeds.
   */
  public Optional<String> revertReason(final String to, final String data) {
    final EthCall result = ethCall(to, data);
    return result.hasError() ? Optional.of(result.getError().getMessage()) : Optional.empty();
  }

  /** Like {@link #revertReason(String, String)} for an encoded function. */
  public Optional<String> revertReason(final String to, final Function function) {
    return revertReason(to, FunctionEncoder.encode(function));
  }

  private EthCall ethCall(final String to, final String data) {
    try {
      calls++;
      return web3.ethCall(
              Transaction.createFunctionCallTransaction(
                  credentials.getAddress(), null, null, TX_GAS, to, BigInteger.ZERO, data),
              DefaultBlockParameterName.LATEST)
          .send();
    } catch (final IOException e) {
      throw new UncheckedIOException("RPC failed; anvil log:\n" + node.logTail(2000), e);
    }
  }

  @Override
  public void close() {
    web3.shutdown();
  }

  /** A transaction or call that the EVM reverted, with its message. */
  public static final class ChainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    ChainException(final String message, final String reason) {
      super(message);
      this.reason = reason;
    }

    /** The node's error message, usually {@code "execution reverted: <reason>"}. */
    public String reason() {
      return reason;
    }
  }
}
