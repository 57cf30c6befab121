// SPDX-License-Identifier: UNLICENSED
// Test-only contracts for Sextant's on-chain differential tests (routing/.../chain). Not deployed
// anywhere but a throw-away local anvil node. Compiled at build time by compile.js.
pragma solidity 0.8.26;

/// A minimal ERC-20 whose mint is open to anyone: the harness mints exactly what a pool asks for.
contract TestToken {
    string public name;
    string public symbol;
    uint8 public immutable decimals;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
    }

    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - amount;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
        return true;
    }
}

interface IUniswapV2PairLike {
    function mint(address to) external returns (uint256 liquidity);
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;
}

interface IUniswapV3PoolLike {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function tickSpacing() external view returns (int24);
    function liquidity() external view returns (uint128);
    function slot0()
        external
        view
        returns (uint160 sqrtPriceX96, int24 tick, uint16, uint16, uint16, uint8, bool unlocked);
    function tickBitmap(int16 wordPosition) external view returns (uint256);
    function ticks(int24 tick)
        external
        view
        returns (uint128 liquidityGross, int128 liquidityNet, uint256, uint256, int56, uint160, uint32, bool);
    function mint(address recipient, int24 tickLower, int24 tickUpper, uint128 amount, bytes calldata data)
        external
        returns (uint256 amount0, uint256 amount1);
    function burn(int24 tickLower, int24 tickUpper, uint128 amount) external returns (uint256 amount0, uint256 amount1);
    function swap(
        address recipient,
        bool zeroForOne,
        int256 amountSpecified,
        uint160 sqrtPriceLimitX96,
        bytes calldata data
    ) external returns (int256 amount0, int256 amount1);
}

/// Drives Uniswap V2 pairs and V3 pools for the tests: pays them by minting TestTokens, implements the
/// V3 mint and swap callbacks, and reads a V3 pool's whole tick state in one call.
contract SextantHarness {
    address private activePool;

    // ------------------------------------------------------------------ Uniswap V2

    /// Sends amount0/amount1 to the pair and mints LP tokens to this contract.
    function v2AddLiquidity(address pair, address token0, address token1, uint256 amount0, uint256 amount1)
        external
    {
        TestToken(token0).mint(pair, amount0);
        TestToken(token1).mint(pair, amount1);
        IUniswapV2PairLike(pair).mint(address(this));
    }

    /// Pays amountIn of tokenIn to the pair, then asks it for (amount0Out, amount1Out).
    function v2Swap(address pair, address tokenIn, uint256 amountIn, uint256 amount0Out, uint256 amount1Out)
        external
    {
        if (amountIn > 0) TestToken(tokenIn).mint(pair, amountIn);
        IUniswapV2PairLike(pair).swap(amount0Out, amount1Out, address(this), "");
    }

    // ------------------------------------------------------------------ Uniswap V3

    /// Mints one position per index; the mint callback pays the pool.
    function v3MintMany(
        address pool,
        int24[] calldata tickLower,
        int24[] calldata tickUpper,
        uint128[] calldata amount
    ) external {
        activePool = pool;
        for (uint256 i = 0; i < tickLower.length; i++) {
            IUniswapV3PoolLike(pool).mint(address(this), tickLower[i], tickUpper[i], amount[i], "");
        }
        activePool = address(0);
    }

    function uniswapV3MintCallback(uint256 amount0Owed, uint256 amount1Owed, bytes calldata) external {
        require(msg.sender == activePool, "harness: not the active pool");
        if (amount0Owed > 0) TestToken(IUniswapV3PoolLike(msg.sender).token0()).mint(msg.sender, amount0Owed);
        if (amount1Owed > 0) TestToken(IUniswapV3PoolLike(msg.sender).token1()).mint(msg.sender, amount1Owed);
    }

    /// Burns liquidity of a position the harness owns (minted by v3MintMany); tokens stay owed.
    function v3Burn(address pool, int24 tickLower, int24 tickUpper, uint128 amount) external {
        IUniswapV3PoolLike(pool).burn(tickLower, tickUpper, amount);
    }

    /// One pool swap; its outcome is in the pool's Swap event.
    function v3Swap(address pool, bool zeroForOne, int256 amountSpecified, uint160 sqrtPriceLimitX96)
        external
        returns (int256 amount0, int256 amount1)
    {
        activePool = pool;
        (amount0, amount1) =
            IUniswapV3PoolLike(pool).swap(address(this), zeroForOne, amountSpecified, sqrtPriceLimitX96, "");
        activePool = address(0);
    }

    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata) external {
        require(msg.sender == activePool, "harness: not the active pool");
        if (amount0Delta > 0) {
            TestToken(IUniswapV3PoolLike(msg.sender).token0()).mint(msg.sender, uint256(amount0Delta));
        }
        if (amount1Delta > 0) {
            TestToken(IUniswapV3PoolLike(msg.sender).token1()).mint(msg.sender, uint256(amount1Delta));
        }
    }

    /// The pool's price, tick and in-range liquidity, every non-empty tick-bitmap word in
    /// [wordLo, wordHi] and, for each initialised tick in them (ascending), its liquidityNet and
    /// liquidityGross: everything the swap loop reads.
    function v3Snapshot(address pool, int16 wordLo, int16 wordHi)
        external
        view
        returns (
            uint160 sqrtPriceX96,
            int24 tick,
            uint128 liquidity,
            int16[] memory words,
            uint256[] memory bitmaps,
            int24[] memory ticks,
            int128[] memory liquidityNet,
            uint128[] memory liquidityGross
        )
    {
        IUniswapV3PoolLike p = IUniswapV3PoolLike(pool);
        (sqrtPriceX96, tick,,,,,) = p.slot0();
        liquidity = p.liquidity();
        int24 spacing = p.tickSpacing();
        uint256 span = uint256(int256(wordHi) - int256(wordLo) + 1);
        words = new int16[](span);
        bitmaps = new uint256[](span);
        uint256 nWords = 0;
        uint256 nTicks = 0;
        for (int256 w = wordLo; w <= wordHi; w++) {
            uint256 bm = p.tickBitmap(int16(w));
            if (bm != 0) {
                words[nWords] = int16(w);
                bitmaps[nWords] = bm;
                nWords++;
                for (uint256 b = bm; b != 0; b &= b - 1) nTicks++;
            }
        }
        assembly {
            mstore(words, nWords)
            mstore(bitmaps, nWords)
        }
        ticks = new int24[](nTicks);
        liquidityNet = new int128[](nTicks);
        liquidityGross = new uint128[](nTicks);
        uint256 k = 0;
        for (uint256 i = 0; i < nWords; i++) {
            for (uint256 bit = 0; bit < 256; bit++) {
                if (bitmaps[i] & (uint256(1) << bit) != 0) {
                    int24 t = int24((int256(words[i]) * 256 + int256(bit)) * int256(spacing));
                    (uint128 gross, int128 net,,,,,,) = p.ticks(t);
                    ticks[k] = t;
                    liquidityNet[k] = net;
                    liquidityGross[k] = gross;
                    k++;
                }
            }
        }
    }
}
