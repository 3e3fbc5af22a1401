exports.s = 1;
