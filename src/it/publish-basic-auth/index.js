module.exports = 'basic ok';
