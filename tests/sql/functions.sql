-- tests/sql/functions.sql: the registration of every costledger SQL function, and the
-- cost-model formulas of docs/model.md through SQL (docs/functions.md is the manual).
-- Run by tests/run.sh after .load; every line prints 'name|1'.
-- REAL results are compared with abs(x - expected) < 1e-9 (relative for big values).

-- Registration: exactly these names, arities, kinds and flags.
-- SQLITE_DETERMINISTIC is 0x800, SQLITE_INNOCUOUS is 0x200000.
SELECT 'registered names', (SELECT group_concat(name, ',') FROM (SELECT DISTINCT name FROM pragma_function_list WHERE name IN ('break_even_hours','checkpoint_interval','costledger_version','epoch_cost','epoch_gpu_hours','epoch_mem_gb','epoch_transfer_gb','interruption_loss','interval_union_seconds','money','money_mul','money_text','money_total','overlap_seconds','power_cost','price','price_mul','run_cost','spot_rework_hours','spot_savings','train_flops','train_gpu_hours') ORDER BY name)) = 'break_even_hours,checkpoint_interval,costledger_version,epoch_cost,epoch_gpu_hours,epoch_mem_gb,epoch_transfer_gb,interruption_loss,interval_union_seconds,money,money_mul,money_text,money_total,overlap_seconds,power_cost,price,price_mul,run_cost,spot_rework_hours,spot_savings,train_flops,train_gpu_hours';
SELECT 'registered name count', (SELECT count(DISTINCT name) FROM pragma_function_list WHERE name IN ('break_even_hours','checkpoint_interval','costledger_version','epoch_cost','epoch_gpu_hours','epoch_mem_gb','epoch_transfer_gb','interruption_loss','interval_union_seconds','money','money_mul','money_text','money_total','overlap_seconds','power_cost','price','price_mul','run_cost','spot_rework_hours','spot_savings','train_flops','train_gpu_hours')) = 22;
SELECT 'registered name and arity pairs', (SELECT group_concat(name || '/' || narg || '/' || type, ',') FROM (SELECT name, narg, type FROM pragma_function_list WHERE name IN ('break_even_hours','checkpoint_interval','costledger_version','epoch_cost','epoch_gpu_hours','epoch_mem_gb','epoch_transfer_gb','interruption_loss','interval_union_seconds','money','money_mul','money_text','money_total','overlap_seconds','power_cost','price','price_mul','run_cost','spot_rework_hours','spot_savings','train_flops','train_gpu_hours') ORDER BY name, narg)) = 'break_even_hours/3/s,checkpoint_interval/2/s,costledger_version/0/s,epoch_cost/8/s,epoch_cost/9/s,epoch_gpu_hours/4/s,epoch_mem_gb/3/s,epoch_mem_gb/4/s,epoch_transfer_gb/2/s,epoch_transfer_gb/3/s,interruption_loss/3/s,interval_union_seconds/2/a,money/1/s,money_mul/2/s,money_text/1/s,money_text/2/s,money_total/1/a,overlap_seconds/4/s,power_cost/3/s,power_cost/4/s,price/1/s,price_mul/2/s,price_mul/3/s,run_cost/2/s,run_cost/3/s,spot_rework_hours/3/s,spot_savings/3/s,spot_savings/4/s,train_flops/2/s,train_gpu_hours/4/s';
SELECT 'registered variant count', (SELECT count(*) FROM pragma_function_list WHERE name IN ('break_even_hours','checkpoint_interval','costledger_version','epoch_cost','epoch_gpu_hours','epoch_mem_gb','epoch_transfer_gb','interruption_loss','interval_union_seconds','money','money_mul','money_text','money_total','overlap_seconds','power_cost','price','price_mul','run_cost','spot_rework_hours','spot_savings','train_flops','train_gpu_hours')) = 30;
SELECT 'all deterministic', (SELECT count(*) FROM pragma_function_list WHERE name IN ('break_even_hours','checkpoint_interval','costledger_version','epoch_cost','epoch_gpu_hours','epoch_mem_gb','epoch_transfer_gb','interruption_loss','interval_union_seconds','money','money_mul','money_text','money_total','overlap_seconds','power_cost','price','price_mul','run_cost','spot_rework_hours','spot_savings','train_flops','train_gpu_hours') AND (flags & 0x800) = 0) = 0;
SELECT 'all innocuous', (SELECT count(*) FROM pragma_function_list WHERE name IN ('break_even_hours','checkpoint_interval','costledger_version','epoch_cost','epoch_gpu_hours','epoch_mem_gb','epoch_transfer_gb','interruption_loss','interval_union_seconds','money','money_mul','money_text','money_total','overlap_seconds','power_cost','price','price_mul','run_cost','spot_rework_hours','spot_savings','train_flops','train_gpu_hours') AND (flags & 0x200000) = 0) = 0;
SELECT 'none direct-only', (SELECT count(*) FROM pragma_function_list WHERE name IN ('break_even_hours','checkpoint_interval','costledger_version','epoch_cost','epoch_gpu_hours','epoch_mem_gb','epoch_transfer_gb','interruption_loss','interval_union_seconds','money','money_mul','money_text','money_total','overlap_seconds','power_cost','price','price_mul','run_cost','spot_rework_hours','spot_savings','train_flops','train_gpu_hours') AND (flags & 0x80000) <> 0) = 0;
SELECT 'all utf8, none builtin', (SELECT count(*) FROM pragma_function_list WHERE name IN ('break_even_hours','checkpoint_interval','costledger_version','epoch_cost','epoch_gpu_hours','epoch_mem_gb','epoch_transfer_gb','interruption_loss','interval_union_seconds','money','money_mul','money_text','money_total','overlap_seconds','power_cost','price','price_mul','run_cost','spot_rework_hours','spot_savings','train_flops','train_gpu_hours') AND (enc <> 'utf8' OR builtin <> 0)) = 0;
-- no stray function under the extension's name prefixes
SELECT 'no other money_ functions', (SELECT group_concat(DISTINCT name) FROM (SELECT name FROM pragma_function_list WHERE name LIKE 'money%' ORDER BY name)) = 'money,money_mul,money_text,money_total';
SELECT 'no other price functions', (SELECT group_concat(DISTINCT name) FROM (SELECT name FROM pragma_function_list WHERE name LIKE 'price%' ORDER BY name)) = 'price,price_mul';
SELECT 'no other epoch_ functions', (SELECT count(DISTINCT name) FROM pragma_function_list WHERE name LIKE 'epoch%') = 4;
SELECT 'no other costledger functions', (SELECT count(DISTINCT name) FROM pragma_function_list WHERE name LIKE 'costledger%') = 1;

-- costledger_version()
SELECT 'costledger_version type', typeof(costledger_version()) = 'text';
SELECT 'costledger_version shape', costledger_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
SELECT 'costledger_version value', costledger_version() = '0.1.0';

-- docs/model.md §1: cost of one epoch
SELECT 'epoch_cost ResNet-152 8xV100', abs(epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 8) - 124.8) < 1e-9;
SELECT 'epoch_cost ResNet-152 100 epochs', abs(epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 8) * 100 - 12480) < 1e-9;
SELECT 'epoch_cost ResNet-152 one replica', abs(epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 1) - 15.6) < 1e-9;
SELECT 'epoch_cost GPT-3 fine-tune 64xA100', abs(epoch_cost(8.0, 6.7, 0.3, 7.2, 0.08, 80, 0.02, 420, 64) - 4515.84) < 1e-9;
SELECT 'epoch_cost GPT-3 fine-tune 10 epochs', abs(epoch_cost(8.0, 6.7, 0.3, 7.2, 0.08, 80, 0.02, 420, 64) * 10 - 45158.4) < 1e-9;
SELECT 'epoch_cost GPT-3 one replica', abs(epoch_cost(8.0, 6.7, 0.3, 7.2, 0.08, 80, 0.02, 420, 1) - 70.56) < 1e-9;
SELECT 'epoch_cost n_replicas defaults to 1', epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120) = epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 1);
SELECT 'epoch_cost default value', abs(epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120) - 15.6) < 1e-9;
SELECT 'epoch_cost is the formula', abs(epoch_cost(1, 2, 3, 4, 5, 6, 7, 8, 9) - (1*2 + 3*4 + 5*6 + 7*8) * 9) < 1e-9;
SELECT 'epoch_cost zeros', epoch_cost(0, 0, 0, 0, 0, 0, 0, 0, 0) = 0;
SELECT 'epoch_cost no -0', atan2(0, epoch_cost(0, 0, 0, 0, 0, 0, 0, 0, -0.0)) = 0;
SELECT 'epoch_cost numeric text', abs(epoch_cost('5.0', ' 2.3 ', '0.2', '2.5', '5e-2', '48', 0.01, 120, '8') - 124.8) < 1e-9;
SELECT 'epoch_cost integers', epoch_cost(1, 1, 1, 1, 1, 1, 1, 1, 2) = 8;
SELECT 'epoch_cost REAL', typeof(epoch_cost(1, 1, 1, 1, 1, 1, 1, 1, 2)) = 'real';
SELECT 'epoch_cost REAL (8 args)', typeof(epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120)) = 'real';

SELECT 'epoch_gpu_hours', abs(epoch_gpu_hours(1e12, 36, 1e9, 0.5) - 20) < 1e-9;
SELECT 'epoch_gpu_hours is the formula', abs(epoch_gpu_hours(3e15, 2.5, 1.41e9, 0.8) - 3e15 * 2.5 / (1.41e9 * 0.8) / 3600) < 1e-9;
SELECT 'epoch_gpu_hours utilization 1', abs(epoch_gpu_hours(3600, 1, 1, 1) - 1) < 1e-9;
SELECT 'epoch_gpu_hours zero ops', epoch_gpu_hours(0, 36, 1e9, 0.5) = 0;
SELECT 'epoch_gpu_hours REAL', typeof(epoch_gpu_hours(3600, 1, 1, 1)) = 'real';

SELECT 'epoch_mem_gb', abs(epoch_mem_gb(10, 0.5, 32, 1.1) - 28.6) < 1e-9;
SELECT 'epoch_mem_gb overhead defaults to 1.2', abs(epoch_mem_gb(10, 0.5, 32) - 31.2) < 1e-9;
SELECT 'epoch_mem_gb default equals explicit 1.2', epoch_mem_gb(10, 0.5, 32) = epoch_mem_gb(10, 0.5, 32, 1.2);
SELECT 'epoch_mem_gb is the formula', abs(epoch_mem_gb(7.5, 0.25, 64, 1.3) - (7.5 + 0.25 * 64) * 1.3) < 1e-9;
SELECT 'epoch_mem_gb REAL', typeof(epoch_mem_gb(10, 0.5, 32)) = 'real';

SELECT 'epoch_transfer_gb compression defaults to 1', abs(epoch_transfer_gb(2, 500) - 1000) < 1e-9;
SELECT 'epoch_transfer_gb default equals explicit 1', epoch_transfer_gb(2, 500) = epoch_transfer_gb(2, 500, 1);
SELECT 'epoch_transfer_gb compressed', abs(epoch_transfer_gb(2, 500, 4) - 250) < 1e-9;
SELECT 'epoch_transfer_gb REAL', typeof(epoch_transfer_gb(2, 500)) = 'real';
SELECT 'epoch formulas compose', abs(epoch_cost(5.0, epoch_gpu_hours(1e12, 36, 1e9, 0.5), 0.2, 2.5, 0.05, epoch_mem_gb(10, 0.5, 32), 0.01, epoch_transfer_gb(2, 500, 4), 8) - (5.0*20 + 0.2*2.5 + 0.05*31.2 + 0.01*250) * 8) < 1e-9;

-- docs/model.md §1: compute-based estimate
SELECT 'train_flops 6ND', abs(train_flops(175e9, 300e9) / 3.15e23 - 1) < 1e-12;
SELECT 'train_flops small', train_flops(1, 1) = 6;
SELECT 'train_flops REAL', typeof(train_flops(1, 1)) = 'real';
SELECT 'train_gpu_hours A100', abs(train_gpu_hours(175e9, 300e9, 312e12, 0.5) - 6 * 175e9 * 300e9 / (312e12 * 0.5 * 3600)) < 1e-6;
SELECT 'train_gpu_hours A100 value', abs(train_gpu_hours(175e9, 300e9, 312e12, 0.5) - 560897.435897436) < 1e-6;
SELECT 'train_gpu_hours H100 is faster', train_gpu_hours(175e9, 300e9, 989e12, 0.5) < train_gpu_hours(175e9, 300e9, 312e12, 0.5);
SELECT 'train_gpu_hours from train_flops', abs(train_gpu_hours(7e9, 2e12, 989e12, 0.4) - train_flops(7e9, 2e12) / (989e12 * 0.4 * 3600)) < 1e-9;
SELECT 'train_gpu_hours REAL', typeof(train_gpu_hours(1, 1, 6, 1)) = 'real';

-- docs/model.md §2: billed only while running
SELECT 'run_cost 100h x 1.5 x 8 GPUs', abs(run_cost(1.5, 100, 8) - 1200) < 1e-9;
SELECT 'run_cost traditional 200', abs(run_cost(2, 100) - 200) < 1e-9;
SELECT 'run_cost pay-while-running 160', abs(run_cost(2, 100 - 20) - 160) < 1e-9;
SELECT 'run_cost pause saves 40', abs(run_cost(2, 100) - run_cost(2, 80) - 40) < 1e-9;
SELECT 'run_cost 10% of 2000 GPU-hours paused saves 600', abs(run_cost(3, 2000 * 0.10) - 600) < 1e-9;
SELECT 'run_cost storage 500 GB x 0.10 per month', abs(run_cost(0.10, 1, 500) - 50) < 1e-9;
SELECT 'run_cost units defaults to 1', run_cost(2, 100) = run_cost(2, 100, 1);
SELECT 'run_cost REAL', typeof(run_cost(1.5, 100, 8)) = 'real';
SELECT 'run_cost numeric text', run_cost('1.5', '100') = run_cost(1.5, 100);
SELECT 'run_cost no -0', atan2(0, run_cost(-0.0, 5)) = 0;
SELECT 'interruption_loss epoch 30 of 100', abs(interruption_loss(30, 100, 1000) - 300) < 1e-9;
SELECT 'interruption_loss complete run', abs(interruption_loss(100, 100, 1000) - 1000) < 1e-9;
SELECT 'interruption_loss none done', interruption_loss(0, 100, 1000) = 0;
SELECT 'interruption_loss REAL', typeof(interruption_loss(30, 100, 1000)) = 'real';

-- docs/model.md §3: own hardware versus cloud
SELECT 'own server hardware cost', 4 * 15000 + 2000 + 500 + 1000 + 500 + 300 + 400 = 64700;
SELECT 'power_cost 3 kW for 30 days', abs(power_cost(3000, 720, 0.15) - 324) < 1e-9;
SELECT 'power_cost pue defaults to 1', power_cost(3000, 720, 0.15) = power_cost(3000, 720, 0.15, 1);
SELECT 'power_cost with PUE 1.4', abs(power_cost(3000, 720, 0.15, 1.4) - 453.6) < 1e-9;
SELECT 'power_cost one hour', abs(power_cost(3000, 1, 0.15) - 0.45) < 1e-9;
SELECT 'power_cost REAL', typeof(power_cost(3000, 720, 0.15)) = 'real';
SELECT 'run_cost AWS 100h on-demand', abs(run_cost(32.77, 100) - 3277) < 1e-9;
SELECT 'run_cost Google 100h on-demand', abs(run_cost(35.22, 100) - 3522) < 1e-9;
SELECT 'run_cost Azure 100h on-demand', abs(run_cost(34.50, 100) - 3450) < 1e-9;
SELECT 'run_cost GPU cloud with 15% coupon', abs(run_cost(28.50 * 0.85, 100) - 2422.50) < 1e-9;
SELECT 'break_even_hours against AWS', abs(break_even_hours(64700, 32.77, power_cost(3000, 1, 0.15)) - 64700 / (32.77 - 0.45)) < 1e-9;
SELECT 'break_even_hours value', abs(break_even_hours(64700, 32.77, 0.45) - 2001.85643564356) < 1e-9;
SELECT 'break_even_hours at break-even own = cloud', abs(64700 + 0.45 * break_even_hours(64700, 32.77, 0.45) - 32.77 * break_even_hours(64700, 32.77, 0.45)) < 1e-6;
SELECT 'break_even_hours no local cost', abs(break_even_hours(64700, 10, 0) - 6470) < 1e-9;
SELECT 'break_even_hours never when cloud cheaper', break_even_hours(64700, 0.40, 0.45) IS NULL;
SELECT 'break_even_hours never when equal', break_even_hours(64700, 1, 1) IS NULL;
SELECT 'break_even_hours free hardware', break_even_hours(0, 2, 1) = 0;
SELECT 'break_even_hours REAL', typeof(break_even_hours(64700, 32.77, 0.45)) = 'real';

-- docs/model.md §4: spot
SELECT 'spot node per hour 54.5% cheaper', round((1 - (19.20 + 4.80 + 6.00) / (48.00 + 12.00 + 6.00)) * 100, 1) = 54.5;
SELECT 'spot_savings 5000 hours', abs(spot_savings(66, 30, 5000) - 180000) < 1e-9;
SELECT 'spot_savings spot_hours defaults to on_demand_hours', spot_savings(66, 30, 5000) = spot_savings(66, 30, 5000, 5000);
SELECT 'spot_savings measured run', abs(spot_savings(66, 30, 5120, 5420) - 175320) < 1e-9;
SELECT 'spot_savings measured run is -51.9%', round(-spot_savings(66, 30, 5120, 5420) / run_cost(66, 5120) * 100, 1) = -51.9;
SELECT 'spot_savings measured costs', abs(run_cost(66, 5120) - 337920) < 1e-9 AND abs(run_cost(30, 5420) - 162600) < 1e-9;
SELECT 'spot_savings negative when spot costs more', abs(spot_savings(10, 6, 100, 250) - -500) < 1e-9;
SELECT 'spot_savings REAL', typeof(spot_savings(66, 30, 5000)) = 'real';
SELECT 'spot_rework_hours', abs(spot_rework_hours(17, 1, 0.25) - 12.75) < 1e-9;
SELECT 'spot_rework_hours none', spot_rework_hours(0, 1, 0.25) = 0;
SELECT 'spot_rework_hours REAL', typeof(spot_rework_hours(17, 1, 0.25)) = 'real';
SELECT 'checkpoint_interval Daly example about 117 min', round(checkpoint_interval(5, 1440)) = 117;
SELECT 'checkpoint_interval Daly formula', abs(checkpoint_interval(5, 1440) - (sqrt(2 * 5 * 1440) * (1 + sqrt(5 / (2 * 1440.0)) / 3 + (5 / (2 * 1440.0)) / 9) - 5)) < 1e-9;
SELECT 'checkpoint_interval value', abs(checkpoint_interval(5, 1440) - 116.689814814815) < 1e-9;
SELECT 'checkpoint_interval near Young', abs(checkpoint_interval(5, 1440) - sqrt(2 * 5 * 1440)) < 5;
SELECT 'checkpoint_interval d >= 2M gives M', checkpoint_interval(3000, 1440) = 1440;
SELECT 'checkpoint_interval d = 2M gives M', checkpoint_interval(20, 10) = 10;
SELECT 'checkpoint_interval free checkpoints', checkpoint_interval(0, 1440) = 0;
SELECT 'checkpoint_interval huge values do not overflow', abs(checkpoint_interval(1e300, 1e305) / (sqrt(2e300) * sqrt(1e305) * (1 + sqrt(1e300 / 2e305) / 3 + 1e300 / 2e305 / 9) - 1e300) - 1) < 1e-9;
SELECT 'checkpoint_interval REAL', typeof(checkpoint_interval(20, 10)) = 'real';

-- Rules hold at their edges
SELECT 'utilization 1 is allowed', epoch_gpu_hours(3600, 1, 1, 1) > 0;
SELECT 'mfu 1 is allowed', train_gpu_hours(1, 1, 6, 1) > 0;
SELECT 'zero price is allowed', run_cost(0, 100) = 0;
SELECT 'interruption_loss completed = total allowed', interruption_loss(5, 5, 10) = 10;

-- NULL in, NULL out: every argument position, every arity
SELECT 'epoch_cost/9 NULL argument 1', epoch_cost(NULL, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, 8) IS NULL;
SELECT 'epoch_cost/9 NULL argument 2', epoch_cost(5.0, NULL, 0.2, 2.5, 0.05, 48, 0.01, 120, 8) IS NULL;
SELECT 'epoch_cost/9 NULL argument 3', epoch_cost(5.0, 2.3, NULL, 2.5, 0.05, 48, 0.01, 120, 8) IS NULL;
SELECT 'epoch_cost/9 NULL argument 4', epoch_cost(5.0, 2.3, 0.2, NULL, 0.05, 48, 0.01, 120, 8) IS NULL;
SELECT 'epoch_cost/9 NULL argument 5', epoch_cost(5.0, 2.3, 0.2, 2.5, NULL, 48, 0.01, 120, 8) IS NULL;
SELECT 'epoch_cost/9 NULL argument 6', epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, NULL, 0.01, 120, 8) IS NULL;
SELECT 'epoch_cost/9 NULL argument 7', epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, NULL, 120, 8) IS NULL;
SELECT 'epoch_cost/9 NULL argument 8', epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, NULL, 8) IS NULL;
SELECT 'epoch_cost/9 NULL argument 9', epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, NULL) IS NULL;
SELECT 'epoch_cost/8 NULL argument 1', epoch_cost(NULL, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120) IS NULL;
SELECT 'epoch_cost/8 NULL argument 2', epoch_cost(5.0, NULL, 0.2, 2.5, 0.05, 48, 0.01, 120) IS NULL;
SELECT 'epoch_cost/8 NULL argument 3', epoch_cost(5.0, 2.3, NULL, 2.5, 0.05, 48, 0.01, 120) IS NULL;
SELECT 'epoch_cost/8 NULL argument 4', epoch_cost(5.0, 2.3, 0.2, NULL, 0.05, 48, 0.01, 120) IS NULL;
SELECT 'epoch_cost/8 NULL argument 5', epoch_cost(5.0, 2.3, 0.2, 2.5, NULL, 48, 0.01, 120) IS NULL;
SELECT 'epoch_cost/8 NULL argument 6', epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, NULL, 0.01, 120) IS NULL;
SELECT 'epoch_cost/8 NULL argument 7', epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, NULL, 120) IS NULL;
SELECT 'epoch_cost/8 NULL argument 8', epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, NULL) IS NULL;
SELECT 'epoch_gpu_hours/4 NULL argument 1', epoch_gpu_hours(NULL, 36, 1e9, 0.5) IS NULL;
SELECT 'epoch_gpu_hours/4 NULL argument 2', epoch_gpu_hours(1e12, NULL, 1e9, 0.5) IS NULL;
SELECT 'epoch_gpu_hours/4 NULL argument 3', epoch_gpu_hours(1e12, 36, NULL, 0.5) IS NULL;
SELECT 'epoch_gpu_hours/4 NULL argument 4', epoch_gpu_hours(1e12, 36, 1e9, NULL) IS NULL;
SELECT 'epoch_mem_gb/4 NULL argument 1', epoch_mem_gb(NULL, 0.5, 32, 1.1) IS NULL;
SELECT 'epoch_mem_gb/4 NULL argument 2', epoch_mem_gb(10, NULL, 32, 1.1) IS NULL;
SELECT 'epoch_mem_gb/4 NULL argument 3', epoch_mem_gb(10, 0.5, NULL, 1.1) IS NULL;
SELECT 'epoch_mem_gb/4 NULL argument 4', epoch_mem_gb(10, 0.5, 32, NULL) IS NULL;
SELECT 'epoch_mem_gb/3 NULL argument 1', epoch_mem_gb(NULL, 0.5, 32) IS NULL;
SELECT 'epoch_mem_gb/3 NULL argument 2', epoch_mem_gb(10, NULL, 32) IS NULL;
SELECT 'epoch_mem_gb/3 NULL argument 3', epoch_mem_gb(10, 0.5, NULL) IS NULL;
SELECT 'epoch_transfer_gb/3 NULL argument 1', epoch_transfer_gb(NULL, 500, 4) IS NULL;
SELECT 'epoch_transfer_gb/3 NULL argument 2', epoch_transfer_gb(2, NULL, 4) IS NULL;
SELECT 'epoch_transfer_gb/3 NULL argument 3', epoch_transfer_gb(2, 500, NULL) IS NULL;
SELECT 'epoch_transfer_gb/2 NULL argument 1', epoch_transfer_gb(NULL, 500) IS NULL;
SELECT 'epoch_transfer_gb/2 NULL argument 2', epoch_transfer_gb(2, NULL) IS NULL;
SELECT 'train_flops/2 NULL argument 1', train_flops(NULL, 300e9) IS NULL;
SELECT 'train_flops/2 NULL argument 2', train_flops(175e9, NULL) IS NULL;
SELECT 'train_gpu_hours/4 NULL argument 1', train_gpu_hours(NULL, 300e9, 312e12, 0.5) IS NULL;
SELECT 'train_gpu_hours/4 NULL argument 2', train_gpu_hours(175e9, NULL, 312e12, 0.5) IS NULL;
SELECT 'train_gpu_hours/4 NULL argument 3', train_gpu_hours(175e9, 300e9, NULL, 0.5) IS NULL;
SELECT 'train_gpu_hours/4 NULL argument 4', train_gpu_hours(175e9, 300e9, 312e12, NULL) IS NULL;
SELECT 'run_cost/3 NULL argument 1', run_cost(NULL, 100, 8) IS NULL;
SELECT 'run_cost/3 NULL argument 2', run_cost(1.5, NULL, 8) IS NULL;
SELECT 'run_cost/3 NULL argument 3', run_cost(1.5, 100, NULL) IS NULL;
SELECT 'run_cost/2 NULL argument 1', run_cost(NULL, 100) IS NULL;
SELECT 'run_cost/2 NULL argument 2', run_cost(1.5, NULL) IS NULL;
SELECT 'interruption_loss/3 NULL argument 1', interruption_loss(NULL, 100, 1000) IS NULL;
SELECT 'interruption_loss/3 NULL argument 2', interruption_loss(30, NULL, 1000) IS NULL;
SELECT 'interruption_loss/3 NULL argument 3', interruption_loss(30, 100, NULL) IS NULL;
SELECT 'spot_savings/4 NULL argument 1', spot_savings(NULL, 30, 5120, 5420) IS NULL;
SELECT 'spot_savings/4 NULL argument 2', spot_savings(66, NULL, 5120, 5420) IS NULL;
SELECT 'spot_savings/4 NULL argument 3', spot_savings(66, 30, NULL, 5420) IS NULL;
SELECT 'spot_savings/4 NULL argument 4', spot_savings(66, 30, 5120, NULL) IS NULL;
SELECT 'spot_savings/3 NULL argument 1', spot_savings(NULL, 30, 5120) IS NULL;
SELECT 'spot_savings/3 NULL argument 2', spot_savings(66, NULL, 5120) IS NULL;
SELECT 'spot_savings/3 NULL argument 3', spot_savings(66, 30, NULL) IS NULL;
SELECT 'spot_rework_hours/3 NULL argument 1', spot_rework_hours(NULL, 1, 0.25) IS NULL;
SELECT 'spot_rework_hours/3 NULL argument 2', spot_rework_hours(17, NULL, 0.25) IS NULL;
SELECT 'spot_rework_hours/3 NULL argument 3', spot_rework_hours(17, 1, NULL) IS NULL;
SELECT 'checkpoint_interval/2 NULL argument 1', checkpoint_interval(NULL, 1440) IS NULL;
SELECT 'checkpoint_interval/2 NULL argument 2', checkpoint_interval(5, NULL) IS NULL;
SELECT 'power_cost/4 NULL argument 1', power_cost(NULL, 720, 0.15, 1.4) IS NULL;
SELECT 'power_cost/4 NULL argument 2', power_cost(3000, NULL, 0.15, 1.4) IS NULL;
SELECT 'power_cost/4 NULL argument 3', power_cost(3000, 720, NULL, 1.4) IS NULL;
SELECT 'power_cost/4 NULL argument 4', power_cost(3000, 720, 0.15, NULL) IS NULL;
SELECT 'power_cost/3 NULL argument 1', power_cost(NULL, 720, 0.15) IS NULL;
SELECT 'power_cost/3 NULL argument 2', power_cost(3000, NULL, 0.15) IS NULL;
SELECT 'power_cost/3 NULL argument 3', power_cost(3000, 720, NULL) IS NULL;
SELECT 'break_even_hours/3 NULL argument 1', break_even_hours(NULL, 32.77, 0.45) IS NULL;
SELECT 'break_even_hours/3 NULL argument 2', break_even_hours(64700, NULL, 0.45) IS NULL;
SELECT 'break_even_hours/3 NULL argument 3', break_even_hours(64700, 32.77, NULL) IS NULL;
SELECT 'NULL wins over an invalid argument after it', epoch_cost(NULL, -2, 0.2, 2.5, 0.05, 48, 0.01, 120, 8) IS NULL;
SELECT 'NULL wins over an invalid argument before it', epoch_gpu_hours(-1, NULL, 1e9, 0.5) IS NULL;
SELECT 'NULL optional argument is NULL, not the default', epoch_cost(5.0, 2.3, 0.2, 2.5, 0.05, 48, 0.01, 120, NULL) IS NULL;
SELECT 'NULL from a NULL column', (SELECT run_cost(r, h) FROM (SELECT 1.5 AS r, NULL AS h)) IS NULL;
SELECT 'formulas over rows', (WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 100) SELECT sum(run_cost(v, 2)) FROM n) = 10100;

-- price_mul(P, N, D): the division inside the one product, NULL in NULL out
SELECT 'price_mul/3 rounds once', price_mul('1.0000000286', 7, 3600) = 1944445;
SELECT 'price_mul/3 tie to even', price_mul('0.000000001', 3, 2) = 2 AND price_mul('0.000000001', 1, 2) = 0;
SELECT 'price_mul/3 NULL', price_mul(NULL, 1, 2) IS NULL AND price_mul('1', NULL, 2) IS NULL AND price_mul('x', 1, NULL) IS NULL;
