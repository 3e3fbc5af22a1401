exports.b = 2;
